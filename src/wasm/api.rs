//! The JS API: `parse`, `render`, `mount` and the `Reader` handle (camelCase, like the options).

use std::cell::Cell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::popups::Popups;
use super::sources::SourcesPanel;
use super::trusted::set_html;
use crate::options::{options_from_entries, MountOptions, OptionValue};
use crate::Options;

/// The one error conversion: every failure reaches JS as a real `Error` with a readable message.
pub(super) fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// The options of one call, as read from the JS options object.
struct Given {
    options: Options,
    mount: MountOptions,
    /// Whether the object set `idPrefix` (otherwise `mount` picks a prefix unique to the reader).
    id_prefix: bool,
}

/// Reads the JS options object (or `undefined`/`null`) through the core's validator, which names
/// the option in its error. A plain walk over the object's entries: no JSON library in the wasm.
fn read_options(options: &JsValue) -> Result<Given, JsValue> {
    let mut entries = Vec::new();
    if !(options.is_undefined() || options.is_null()) {
        if !options.is_object() || js_sys::Array::is_array(options) {
            return Err(js_error(crate::Error::InvalidOption {
                name: "options".to_string(),
                reason: "must be an object".to_string(),
            }));
        }
        for entry in js_sys::Object::entries(options.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            entries.push((key, option_value(&entry.get(1))));
        }
    }
    let id_prefix = entries.iter().any(|(key, _)| key == "idPrefix");
    let (options, mount) = options_from_entries(entries).map_err(js_error)?;
    Ok(Given {
        options,
        mount,
        id_prefix,
    })
}

/// One JS value as the options validator reads it.
fn option_value(value: &JsValue) -> OptionValue {
    if value.is_null() || value.is_undefined() {
        OptionValue::Null
    } else if let Some(b) = value.as_bool() {
        OptionValue::Bool(b)
    } else if let Some(n) = value.as_f64() {
        // Whole numbers up to 2^53 are exact in a JS number.
        if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_992.0 {
            OptionValue::Whole(n as u64)
        } else {
            OptionValue::Number(n)
        }
    } else if let Some(s) = value.as_string() {
        OptionValue::String(s)
    } else if value.is_function() {
        OptionValue::Other("a function")
    } else {
        // A list or an object (the `bibliography` option takes parsed CSL-JSON): as JSON text.
        match js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
        {
            Some(json) => OptionValue::Json(json),
            None => OptionValue::Other("an object"),
        }
    }
}

/// The one serializer: maps as plain objects, `None` as `null`, so the model is a plain object.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(js_error)
}

/// `parse(text, options?)`: the article model as a plain object.
#[wasm_bindgen(js_name = parse)]
pub fn parse_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let given = read_options(&options)?;
    let article = crate::parse(text, &given.options).map_err(js_error)?;
    to_js(&article)
}

/// `render(text, options?)`: the reader's HTML as a string.
#[wasm_bindgen(js_name = render)]
pub fn render_js(text: &str, options: JsValue) -> Result<String, JsValue> {
    let given = read_options(&options)?;
    crate::render(text, &given.options).map_err(js_error)
}

/// A test hook: traps the module the way a panic would (a panic aborts in wasm), so the tests of
/// `www/cite-reader-api.js` can check that the API reports an `Error` and recovers. Not part of
/// the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __trapForTests)]
pub fn trap_for_tests() {
    panic!("cite-reader: trap requested by a test");
}

thread_local! {
    /// Numbers mounted readers so each gets its own id prefix (`cr1-`, `cr2-`, ...).
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

/// The attribute `mount` puts on the element it manages.
const ROOT_ATTRIBUTE: &str = "data-cite-reader";
/// The attribute on the renderer's reader element, used to recognize prerendered markup.
const CONTENT_SELECTOR: &str = "[data-cite-reader-content]";

/// `mount(element, text, options?)`: renders `text` into `element` and wires its popups. When
/// `text` is null or undefined and the element already holds a reader rendered by `render`, that
/// markup is wired as it is.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(
    element: Element,
    text: Option<String>,
    options: JsValue,
) -> Result<Reader, JsValue> {
    let mut given = read_options(&options)?;
    given.options.render.standalone = false;
    if !given.id_prefix {
        let n = MOUNTED.with(|count| {
            count.set(count.get().wrapping_add(1));
            count.get()
        });
        given.options.render.id_prefix = format!("cr{n}-");
    }
    match text {
        Some(text) => {
            let html = crate::render(&text, &given.options).map_err(js_error)?;
            set_html(&element, &html)?;
        }
        None => {
            if element.query_selector(CONTENT_SELECTOR)?.is_none() {
                return Err(js_error(
                    "mount: no text was given and the element holds no reader rendered by render()",
                ));
            }
            // Prerendered markup keeps the id prefix it was rendered with.
            if !given.id_prefix {
                if let Some(prefix) = rendered_prefix(&element) {
                    given.options.render.id_prefix = prefix;
                }
            }
        }
    }
    element.set_attribute(ROOT_ATTRIBUTE, "")?;
    let popups = Popups::new(
        element.clone(),
        given.options.render.id_prefix.clone(),
        given.mount,
    )?;
    let sources = SourcesPanel::new(&element)?;
    Ok(Reader {
        mounted: Some(Mounted {
            element,
            options: given.options,
            popups,
            sources,
        }),
    })
}

/// The id prefix of prerendered markup, read from a popup body's id (`{prefix}pop-{citation}`).
fn rendered_prefix(element: &Element) -> Option<String> {
    let content = element.query_selector("[data-popup-for]").ok().flatten()?;
    let citation = content.get_attribute("data-popup-for")?;
    let id = content.id();
    id.strip_suffix(&format!("pop-{citation}"))
        .map(str::to_string)
}

/// A mounted reader. `destroy()` removes every listener and timer, empties the element and
/// removes its `data-cite-reader` attribute.
#[wasm_bindgen]
pub struct Reader {
    mounted: Option<Mounted>,
}

struct Mounted {
    element: Element,
    options: Options,
    popups: Popups,
    sources: SourcesPanel,
}

#[wasm_bindgen]
impl Reader {
    /// Renders `text` in place of the current article (same options). On error the current
    /// article stays.
    pub fn update(&mut self, text: &str) -> Result<(), JsValue> {
        let mounted = self
            .mounted
            .as_mut()
            .ok_or_else(|| js_error("update: this reader was destroyed"))?;
        let html = crate::render(text, &mounted.options).map_err(js_error)?;
        mounted.popups.close_all();
        set_html(&mounted.element, &html)?;
        mounted.sources.refresh();
        Ok(())
    }

    /// Opens the popup of the citation with this id (`"c3"`); returns whether it is open.
    pub fn open(&self, citation_id: &str) -> bool {
        self.mounted
            .as_ref()
            .is_some_and(|mounted| mounted.popups.open(citation_id))
    }

    /// Closes every open popup.
    pub fn close(&self) {
        if let Some(mounted) = &self.mounted {
            mounted.popups.close_all();
        }
    }

    /// Unwires the reader and empties the element. Calling it again does nothing.
    pub fn destroy(&mut self) {
        if let Some(mounted) = self.mounted.take() {
            let Mounted {
                element,
                popups,
                sources,
                ..
            } = mounted;
            drop(popups);
            drop(sources);
            element.set_text_content(None);
            // Removing an attribute cannot fail for a valid name.
            let _ = element.remove_attribute(ROOT_ATTRIBUTE);
        }
    }
}
