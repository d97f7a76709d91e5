//! The JS API through the wasm boundary, in a real browser (`wasm-pack test --headless --chrome`):
//! values cross as JS values, errors as JS `Error`s, and `mount` works on a live DOM.
#![cfg(target_arch = "wasm32")]

use cite_reader::wasm::{mount, parse, render};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function fire(target, type, key) {
  let event;
  if (type === 'keydown') event = new KeyboardEvent(type, { key, bubbles: true, cancelable: true });
  else if (type === 'focusin' || type === 'focusout') event = new FocusEvent(type, { bubbles: true });
  else event = new Event(type, { bubbles: true, cancelable: true });
  return target.dispatchEvent(event);
}
export function options(json) { return json === '' ? undefined : JSON.parse(json); }
export function loneSurrogates() { return 'Text \uD800 with \uDFFF lone halves.'; }
export function isPlainObject(value) {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
"#)]
extern "C" {
    /// Dispatches a bubbling event of `type` (with `key` for keydown) on `target`.
    fn fire(target: &JsValue, kind: &str, key: &str) -> bool;
    /// A JS options object from JSON text (`undefined` for "").
    fn options(json: &str) -> JsValue;
    #[wasm_bindgen(js_name = isPlainObject)]
    fn is_plain_object(value: &JsValue) -> bool;
    /// A JS string holding lone surrogates (which no Rust string can hold).
    #[wasm_bindgen(js_name = loneSurrogates)]
    fn lone_surrogates() -> JsValue;
}

const ARTICLE: &str = "# Harbour notes\n\nThe ferry now runs at dawn.[^1] \"We finally have a timetable,\" \
said Ana Ruiz, the harbour master. See [the port site](https://example.org/port).\n\n[^1]: Since the \
spring timetable.\n";

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn container() -> Element {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn error_message(error: JsValue) -> String {
    let error: js_sys::Error = error
        .dyn_into()
        .expect("the thrown value is a real JS Error");
    String::from(error.message())
}

#[wasm_bindgen_test]
fn parse_returns_the_model_as_a_plain_object() {
    let model = parse(ARTICLE, options("")).unwrap();
    assert!(is_plain_object(&model), "the model is a plain object");
    assert!(js_sys::Array::is_array(&get(&model, "blocks")));
    assert!(js_sys::Array::is_array(&get(&model, "citations")));
    let blocks: js_sys::Array = get(&model, "blocks").dyn_into().unwrap();
    assert!(blocks.length() > 0, "the article has blocks");
    assert!(is_plain_object(&blocks.get(0)), "blocks are plain objects");
    // Missing values are null, not undefined, so checks can read every contract field.
    for field in ["title", "standfirst", "dateline", "byline"] {
        let value = get(&model, field);
        assert!(
            value.is_null() || value.is_string(),
            "{field} is null or a string"
        );
    }
    assert_eq!(
        get(&model, "format").as_string().as_deref(),
        Some("markdown")
    );
    let forced = parse(ARTICLE, options(r#"{"format": "text"}"#)).unwrap();
    assert_eq!(get(&forced, "format").as_string().as_deref(), Some("text"));
}

#[wasm_bindgen_test]
fn render_returns_html_with_citations() {
    let html = render(ARTICLE, options("")).unwrap();
    assert!(html.contains("data-cite-reader-content"), "{html}");
    assert!(html.contains("data-citation=\""), "{html}");
    let prefixed = render(ARTICLE, options(r#"{"idPrefix": "x9-"}"#)).unwrap();
    assert!(prefixed.contains("id=\"x9-"), "{prefixed}");
}

#[wasm_bindgen_test]
fn a_wrong_option_throws_an_error_that_names_it() {
    let message = error_message(parse("text", options(r#"{"fromat": "text"}"#)).unwrap_err());
    assert!(message.contains("fromat"), "{message}");
    let message = error_message(render("text", options(r#"{"hoverDelay": "soon"}"#)).unwrap_err());
    assert!(message.contains("hoverDelay"), "{message}");
    let element = container();
    let message = error_message(
        mount(
            element.clone(),
            Some("x".into()),
            options(r#"{"quotes": 1}"#),
        )
        .err()
        .unwrap(),
    );
    assert!(message.contains("quotes"), "{message}");
    assert!(
        !element.has_attribute("data-cite-reader"),
        "a failed mount leaves the element alone"
    );
    let message = error_message(parse("too long", options(r#"{"maxInputBytes": 3}"#)).unwrap_err());
    assert!(message.contains("maxInputBytes"), "{message}");
}

#[wasm_bindgen_test]
fn mount_update_destroy() {
    let element = container();
    let mut reader = mount(element.clone(), Some(ARTICLE.into()), options("")).unwrap();
    assert!(element.has_attribute("data-cite-reader"));
    assert!(element
        .query_selector("[data-cite-reader-content]")
        .unwrap()
        .is_some());
    assert!(element.text_content().unwrap().contains("ferry"));

    reader.update("A different article about trains.").unwrap();
    let text = element.text_content().unwrap();
    assert!(text.contains("trains") && !text.contains("ferry"), "{text}");

    reader.destroy();
    assert_eq!(element.inner_html(), "");
    assert!(!element.has_attribute("data-cite-reader"));
    assert!(
        reader.update("again").is_err(),
        "a destroyed reader says so"
    );
    reader.destroy(); // twice is harmless
}

#[wasm_bindgen_test]
fn two_readers_get_distinct_ids() {
    let (a, b) = (container(), container());
    let _first = mount(a.clone(), Some(ARTICLE.into()), options("")).unwrap();
    let _second = mount(b.clone(), Some(ARTICLE.into()), options("")).unwrap();
    let id_of = |element: &Element| {
        element
            .query_selector("[id]")
            .unwrap()
            .map(|e| e.id())
            .unwrap_or_default()
    };
    assert_ne!(id_of(&a), "", "the renderer writes ids");
    assert_ne!(id_of(&a), id_of(&b));
}

#[wasm_bindgen_test]
fn open_shows_the_popup_of_a_rendered_citation() {
    let element = container();
    let reader = mount(element.clone(), Some(ARTICLE.into()), options("")).unwrap();
    let marker = element
        .query_selector("[data-citation][data-kind=\"footnote\"]")
        .unwrap()
        .expect("a footnote marker");
    let id = marker.get_attribute("data-citation").unwrap();
    assert!(reader.open(&id));
    let popup = element
        .query_selector(&format!("[data-citation-popup=\"{id}\"]"))
        .unwrap()
        .expect("an open popup");
    assert!(popup.text_content().unwrap().contains("spring timetable"));
    let role = popup.get_attribute("role").unwrap();
    let pointer = if role == "dialog" {
        marker.get_attribute("aria-controls")
    } else {
        marker.get_attribute("aria-describedby")
    };
    assert_eq!(pointer, Some(popup.id()));
    reader.close();
    assert!(element
        .query_selector("[data-citation-popup]")
        .unwrap()
        .is_none());
    assert!(!reader.open("no-such-citation"));
}

/// Markup written by hand to the DOM contract, so the popup behaviour is tested on its own.
const PRERENDERED: &str = r#"<div class="cr-reader" data-cite-reader-content dir="auto">
<div class="cr-body"><p>She said <span class="cr-cite cr-quote" data-citation="c1" data-kind="quote"
tabindex="0" aria-describedby="t-pop-c1">the river is rising</span> and
<span class="cr-cite" data-citation="c2" data-kind="attribution" tabindex="0">according to
<span class="cr-cite" data-citation="c3" data-kind="abbreviation" tabindex="0">RWA</span> staff</span>.</p></div>
<div class="cr-popup-contents" hidden>
<div id="t-pop-c1" data-popup-for="c1" data-popup-role="tooltip"><p>Quoted: the water officer</p></div>
<div id="t-pop-c2" data-popup-for="c2" data-popup-role="dialog"><p>Source: <a href="https://example.org">the agency</a></p></div>
<div id="t-pop-c3" data-popup-for="c3" data-popup-role="tooltip"><p>RWA: River Water Agency</p></div>
</div></div>"#;

fn popups(element: &Element) -> Vec<String> {
    let list = element.query_selector_all("[data-citation-popup]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-citation-popup"))
        .collect()
}

fn marker(element: &Element, id: &str) -> Element {
    element
        .query_selector(&format!("[data-citation=\"{id}\"]"))
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn prerendered_markup_is_wired_without_rendering() {
    let element = container();
    element.set_inner_html(PRERENDERED);
    let mut reader = mount(element.clone(), None, options(r#"{"idPrefix": "t-"}"#)).unwrap();
    assert!(
        element.inner_html().contains("the river is rising"),
        "kept as it was"
    );

    // Focus opens at once; the nearest citation wins when they nest.
    fire(&marker(&element, "c3"), "focusin", "");
    assert_eq!(popups(&element), ["c3"]);
    let popup = element
        .query_selector("[data-citation-popup]")
        .unwrap()
        .unwrap();
    assert_eq!(popup.get_attribute("role").as_deref(), Some("tooltip"));
    assert!(popup.text_content().unwrap().contains("River Water Agency"));
    assert_eq!(
        marker(&element, "c3").get_attribute("aria-describedby"),
        Some(popup.id())
    );

    // One at a time: focusing another marker replaces it. Dialogs use aria-controls/expanded.
    fire(&marker(&element, "c2"), "focusin", "");
    assert_eq!(popups(&element), ["c2"]);
    let c2 = marker(&element, "c2");
    assert_eq!(c2.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(c2.get_attribute("aria-controls").is_some());
    assert_eq!(
        marker(&element, "c3").get_attribute("aria-describedby"),
        None,
        "closing restores the marker"
    );

    // Escape closes and restores.
    fire(&c2, "keydown", "Escape");
    assert!(popups(&element).is_empty());
    assert_eq!(c2.get_attribute("aria-expanded"), None);
    assert_eq!(c2.get_attribute("aria-controls"), None);

    // Enter toggles a marker that is not a link.
    let c1 = marker(&element, "c1");
    fire(&c1, "keydown", "Enter");
    assert_eq!(popups(&element), ["c1"]);
    fire(&c1, "keydown", "Enter");
    assert!(popups(&element).is_empty());

    // An outside pointerdown closes.
    assert!(reader.open("c1"));
    fire(&document().body().unwrap(), "pointerdown", "");
    assert!(popups(&element).is_empty());

    // After destroy no listener is left: the same markup put back does not react.
    reader.destroy();
    element.set_inner_html(PRERENDERED);
    fire(&marker(&element, "c1"), "focusin", "");
    assert!(popups(&element).is_empty());
}

#[wasm_bindgen_test]
fn allow_multiple_keeps_several_open() {
    let element = container();
    element.set_inner_html(PRERENDERED);
    let reader = mount(element.clone(), None, options(r#"{"allowMultiple": true}"#)).unwrap();
    assert!(reader.open("c1"));
    assert!(reader.open("c3"));
    assert_eq!(popups(&element), ["c1", "c3"]);
    reader.close();
    assert!(popups(&element).is_empty());
}

#[wasm_bindgen_test]
fn mount_without_text_or_markup_is_an_error() {
    let element = container();
    let message = error_message(mount(element, None, options("")).err().unwrap());
    assert!(message.contains("no text"), "{message}");
}

#[wasm_bindgen_test]
fn a_malformed_raw_html_option_names_it_and_its_values() {
    let message = error_message(render("x", options(r#"{"rawHtml": "strip"}"#)).unwrap_err());
    assert!(message.contains("rawHtml"), "{message}");
    for value in ["escape", "sanitize", "trusted"] {
        assert!(message.contains(value), "{message} lists {value}");
    }
    let message = error_message(render("x", options(r#"{"rawHtml": true}"#)).unwrap_err());
    assert!(message.contains("rawHtml"), "{message}");
}

#[wasm_bindgen_test]
fn sanitize_mode_keeps_formatting_and_drops_script_in_the_dom() {
    let element = container();
    let text = "Some <b onclick=\"alert(1)\">bold</b> and <script>alert(2)</script> text.\n\n\
                <div><a href=\"javascript:alert(3)\">x</a><img src=x onerror=alert(4)></div>\n";
    let reader = mount(
        element.clone(),
        Some(text.into()),
        options(r#"{"rawHtml": "sanitize", "format": "markdown"}"#),
    )
    .unwrap();
    let bold = element
        .query_selector("b")
        .unwrap()
        .expect("the <b> is kept");
    assert_eq!(bold.text_content().as_deref(), Some("bold"));
    assert!(!bold.has_attribute("onclick"));
    assert!(element.query_selector("script").unwrap().is_none());
    let link = element
        .query_selector("a[rel]")
        .unwrap()
        .expect("the link is kept");
    assert!(!link.has_attribute("href"), "javascript: is not a target");
    let image = element
        .query_selector("img")
        .unwrap()
        .expect("the image is kept");
    assert!(!image.has_attribute("onerror"));
    drop(reader);
}

#[wasm_bindgen_test]
fn empty_junk_and_lone_surrogates_give_readable_warnings() {
    let warnings = |model: &JsValue| -> Vec<String> {
        let list: js_sys::Array = get(model, "warnings").dyn_into().unwrap();
        list.iter().filter_map(|w| w.as_string()).collect()
    };
    let empty = warnings(&parse("", options("")).unwrap());
    assert!(empty.iter().any(|w| w.contains("empty")), "{empty:?}");
    let junk = warnings(&parse("\u{0}\u{1}\u{2}junk\u{7f}\u{0}", options("")).unwrap());
    assert!(junk.iter().any(|w| w.contains("unreadable")), "{junk:?}");
    // The binding reads JS strings as UTF-8, so lone surrogates arrive as U+FFFD and are counted.
    let text = lone_surrogates().as_string().unwrap();
    let lone = warnings(&parse(&text, options("")).unwrap());
    assert!(lone.iter().any(|w| w.contains("2 unreadable")), "{lone:?}");
    let html = render(&text, options("")).unwrap();
    assert!(html.contains("lone halves"), "the readable text stays");
}
