//! The popups of one mounted reader.
//!
//! One delegated listener set on the reader's root (pointerover/pointerout, focusin/focusout,
//! click), plus document-level keydown (Escape also dismisses a hovered popup while focus is
//! elsewhere) and pointerdown (outside taps), and window scroll/resize (repositioning). Every
//! listener and both timer callbacks are owned by [`Popups`] and removed when it is dropped: no
//! `forget`, no leak per reader.
//!
//! A popup is a `div` appended to the reader root with `data-citation-popup="<id>"`, the role the
//! renderer wrote on the citation's hidden content (`tooltip` or `dialog`) and a copy of that
//! content. It opens after `hoverDelay` on hover, at once on focus or tap, and closes on Escape,
//! outside pointerdown, focus leaving marker and popup, or `closeDelay` after the pointer left
//! marker and popup (hovering the popup keeps it open: WCAG 1.4.13).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    AddEventListenerOptions, DomRect, Element, Event, EventTarget, FocusEvent, HtmlElement,
    KeyboardEvent, MouseEvent, Node, PointerEvent, Window,
};

use crate::options::MountOptions;

/// On every marker: the citation it opens.
const CITATION: &str = "data-citation";
/// On an open popup: the citation it shows.
const POPUP: &str = "data-citation-popup";
/// On the renderer's hidden popup content: the citation it belongs to.
const CONTENT_FOR: &str = "data-popup-for";
/// On the renderer's hidden popup content: `tooltip` or `dialog`.
const CONTENT_ROLE: &str = "data-popup-role";
const POPUP_CLASS: &str = "cr-popup";
/// Narrow viewports show the popup as a sheet along the bottom edge.
const SHEET_CLASS: &str = "cr-popup--sheet";
const SHEET_BELOW_PX: f64 = 600.0;
/// Space between marker and popup, and between popup and viewport edge.
const GAP_PX: f64 = 6.0;
const MARGIN_PX: f64 = 8.0;
/// Attributes of a marker that opening a popup changes and closing restores.
const TRIGGER_ATTRIBUTES: [&str; 3] = ["aria-describedby", "aria-controls", "aria-expanded"];

/// The popups of one reader: dropping it closes them and removes every listener and timer.
pub(super) struct Popups {
    shared: Rc<Shared>,
    /// Held for their `Drop`, which removes them.
    _listeners: Vec<Listener>,
}

struct Shared {
    state: RefCell<State>,
    timers: Timers,
}

/// The two timer callbacks, made once per reader and reused by every `setTimeout`.
struct Timers {
    hover: Closure<dyn FnMut()>,
    close: Closure<dyn FnMut()>,
}

struct State {
    root: Element,
    window: Window,
    /// The reader's id prefix; popup ids are `{prefix}popup-{citation}`.
    prefix: String,
    options: MountOptions,
    open: Vec<Open>,
    /// The marker waiting for `hoverDelay`, and its timer.
    hover_pending: Option<Element>,
    hover_timer: Option<i32>,
    close_timer: Option<i32>,
    /// The citation whose marker or popup the pointer is over.
    hovered: Option<String>,
    /// The pointer type of the last pointerdown ("mouse", "touch", "pen").
    pointer_type: String,
    /// The citation whose marker the last pointerdown hit, when its popup was open then, and
    /// whether it was pinned: decides what the following click does.
    open_at_pointerdown: Option<(String, bool)>,
    /// An element to focus once the handler has released the state (focus events re-enter).
    refocus: Option<HtmlElement>,
}

/// An open popup.
struct Open {
    citation: String,
    trigger: Element,
    popup: Element,
    /// Opened by focus, tap, click or the API: leaving it with the pointer does not close it.
    pinned: bool,
    /// The marker's attributes before opening, restored on close.
    saved: Vec<(&'static str, Option<String>)>,
}

/// What an event target is, for the popups.
enum Hit {
    /// Inside the marker of a citation (the nearest one: citations can nest).
    Marker(Element),
    /// Inside the open popup of this citation.
    Popup(String),
}

impl Popups {
    /// Wires the popups of the reader in `root`.
    pub(super) fn new(
        root: Element,
        prefix: String,
        options: MountOptions,
    ) -> Result<Popups, JsValue> {
        let window = web_sys::window().ok_or_else(|| super::api::js_error("mount: no window"))?;
        let document = root
            .owner_document()
            .ok_or_else(|| super::api::js_error("mount: the element is not in a document"))?;
        let shared = Rc::new_cyclic(|weak: &Weak<Shared>| {
            let on_hover = weak.clone();
            let on_close = weak.clone();
            Shared {
                state: RefCell::new(State {
                    root: root.clone(),
                    window: window.clone(),
                    prefix,
                    options,
                    open: Vec::new(),
                    hover_pending: None,
                    hover_timer: None,
                    close_timer: None,
                    hovered: None,
                    pointer_type: String::new(),
                    open_at_pointerdown: None,
                    refocus: None,
                }),
                timers: Timers {
                    hover: Closure::new(move || {
                        if let Some(shared) = on_hover.upgrade() {
                            with_state(&shared, |state, _| state.hover_elapsed());
                        }
                    }),
                    close: Closure::new(move || {
                        if let Some(shared) = on_close.upgrade() {
                            with_state(&shared, |state, _| state.close_elapsed());
                        }
                    }),
                },
            }
        });
        let root_target: &EventTarget = root.as_ref();
        let document_target: &EventTarget = document.as_ref();
        let window_target: &EventTarget = window.as_ref();
        let listeners = vec![
            Listener::add(root_target, "pointerover", false, &shared, on_pointer_over)?,
            Listener::add(root_target, "pointerout", false, &shared, on_pointer_out)?,
            Listener::add(root_target, "focusin", false, &shared, on_focus_in)?,
            Listener::add(root_target, "focusout", false, &shared, on_focus_out)?,
            Listener::add(root_target, "click", false, &shared, on_click)?,
            Listener::add(document_target, "keydown", false, &shared, on_key_down)?,
            Listener::add(
                document_target,
                "pointerdown",
                true,
                &shared,
                on_pointer_down,
            )?,
            Listener::add(window_target, "scroll", true, &shared, on_viewport_change)?,
            Listener::add(window_target, "resize", false, &shared, on_viewport_change)?,
        ];
        Ok(Popups {
            shared,
            _listeners: listeners,
        })
    }

    /// Opens (and pins) the popup of `citation`; returns whether it is open.
    pub(super) fn open(&self, citation: &str) -> bool {
        let mut opened = false;
        with_state(&self.shared, |state, _| {
            opened = state
                .marker(citation)
                .is_some_and(|marker| state.open(&marker, true));
        });
        opened
    }

    /// Closes every popup and cancels pending timers.
    pub(super) fn close_all(&self) {
        with_state(&self.shared, |state, _| {
            state.cancel_timers();
            state.close_where(|_| true);
        });
    }
}

impl Drop for Popups {
    fn drop(&mut self) {
        self.close_all();
    }
}

/// Runs `f` on the state unless an event dispatched synchronously by our own DOM changes re-enters
/// (then the inner event is ignored: the outer handler is already deciding).
fn with_state(shared: &Shared, f: impl FnOnce(&mut State, &Timers)) {
    if let Ok(mut state) = shared.state.try_borrow_mut() {
        f(&mut state, &shared.timers);
    }
}

/// An event listener that removes itself when dropped.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    fn add(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        shared: &Rc<Shared>,
        handler: fn(&mut State, &Timers, &Event),
    ) -> Result<Listener, JsValue> {
        let shared = Rc::clone(shared);
        let callback = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            with_state(&shared, |state, timers| handler(state, timers, &event));
            // Focus moves requested by the handler run once the state is released.
            let refocus = shared
                .state
                .try_borrow_mut()
                .ok()
                .and_then(|mut state| state.refocus.take());
            if let Some(element) = refocus {
                // Focusing can only fail on detached elements; nothing to do then.
                let _ = element.focus();
            }
        });
        let options = AddEventListenerOptions::new();
        options.set_capture(capture);
        options.set_passive(matches!(kind, "scroll" | "pointerdown"));
        target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            callback.as_ref().unchecked_ref(),
            &options,
        )?;
        Ok(Listener {
            target: target.clone(),
            kind,
            capture,
            callback,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Removing a listener that is registered cannot fail.
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

// ---- event handlers -------------------------------------------------------------------------

fn pointer_type(event: &Event) -> String {
    event
        .dyn_ref::<PointerEvent>()
        .map(PointerEvent::pointer_type)
        .unwrap_or_default()
}

fn on_pointer_over(state: &mut State, timers: &Timers, event: &Event) {
    // Touch opens on tap (click), not on the pointerover that precedes it.
    if pointer_type(event) == "touch" {
        return;
    }
    match state.hit(event.target()) {
        Some(Hit::Popup(citation)) => {
            state.hovered = Some(citation);
            state.cancel_close();
        }
        Some(Hit::Marker(marker)) => {
            let citation = marker.get_attribute(CITATION);
            state.hovered = citation.clone();
            state.cancel_close();
            let already = citation.is_some_and(|c| state.is_open(&c));
            let pending = state.hover_pending.as_ref() == Some(&marker);
            if !already && !pending {
                state.cancel_hover();
                let delay = state.options.hover_delay_ms;
                state.hover_timer = state.set_timer(&timers.hover, delay);
                state.hover_pending = Some(marker);
            }
        }
        None => {}
    }
}

fn on_pointer_out(state: &mut State, timers: &Timers, event: &Event) {
    if pointer_type(event) == "touch" {
        return;
    }
    let from = state
        .hit(event.target())
        .and_then(|hit| state.citation_of(&hit));
    let related = event
        .dyn_ref::<MouseEvent>()
        .and_then(MouseEvent::related_target);
    let to = state.hit(related).and_then(|hit| state.citation_of(&hit));
    if from == to {
        return;
    }
    state.hovered = to;
    let pending = state
        .hover_pending
        .as_ref()
        .and_then(|marker| marker.get_attribute(CITATION));
    if pending.is_some() && pending == from {
        state.cancel_hover();
    }
    let hovered = state.hovered.clone();
    if state
        .open
        .iter()
        .any(|open| !open.pinned && Some(&open.citation) != hovered.as_ref())
    {
        state.cancel_close();
        let delay = state.options.close_delay_ms;
        state.close_timer = state.set_timer(&timers.close, delay);
    }
}

fn on_focus_in(state: &mut State, _: &Timers, event: &Event) {
    match state.hit(event.target()) {
        Some(Hit::Popup(_)) => state.cancel_close(),
        Some(Hit::Marker(marker)) => {
            state.cancel_hover();
            state.open(&marker, true);
        }
        None => {}
    }
}

fn on_focus_out(state: &mut State, _: &Timers, event: &Event) {
    let Some(from) = event.target().and_then(|t| t.dyn_into::<Node>().ok()) else {
        return;
    };
    let to: Option<Node> = event
        .dyn_ref::<FocusEvent>()
        .and_then(FocusEvent::related_target)
        .and_then(|t| t.dyn_into::<Node>().ok());
    let within = |open: &Open, node: &Node| {
        open.trigger.contains(Some(node)) || open.popup.contains(Some(node))
    };
    state.close_where(|open| {
        within(open, &from) && !to.as_ref().is_some_and(|node| within(open, node))
    });
}

fn on_click(state: &mut State, _: &Timers, event: &Event) {
    let Some(Hit::Marker(marker)) = state.hit(event.target()) else {
        return;
    };
    let Some(citation) = marker.get_attribute(CITATION) else {
        return;
    };
    let Some(click) = event.dyn_ref::<MouseEvent>() else {
        return;
    };
    // A click the keyboard made (Enter on a link) keeps its default: focus already opened it.
    if click.detail() == 0 {
        return;
    }
    let kind = match pointer_type(event).as_str() {
        "" => state.pointer_type.clone(),
        kind => kind.to_string(),
    };
    let before = state
        .open_at_pointerdown
        .take()
        .filter(|(open, _)| *open == citation);
    let is_link = marker.closest("a[href]").ok().flatten().is_some();
    if kind == "touch" {
        // First tap opens the popup instead of following the link or footnote; a tap on a marker
        // whose popup was already open follows it (links) or closes it (other markers).
        if before.is_none() {
            event.prevent_default();
            state.open(&marker, true);
        } else {
            state.close_where(|open| open.citation == citation);
        }
    } else if !is_link {
        // Mouse: a click pins a hovered popup, a second click closes it. Links and footnote
        // markers follow their href as usual.
        if matches!(before, Some((_, true))) {
            state.close_where(|open| open.citation == citation);
        } else {
            state.open(&marker, true);
        }
    }
}

fn on_key_down(state: &mut State, _: &Timers, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    match key.key().as_str() {
        "Escape" | "Esc" => {
            state.cancel_timers();
            if state.open.is_empty() {
                return;
            }
            // Focus inside a popup returns to its marker; focus on the marker stays there.
            let focused = event.target().and_then(|t| t.dyn_into::<Node>().ok());
            let back = state.open.iter().find_map(|open| {
                let inside = focused
                    .as_ref()
                    .is_some_and(|node| open.popup.contains(Some(node)));
                inside.then(|| open.trigger.clone())
            });
            state.close_where(|_| true);
            state.refocus = back.and_then(|marker| marker.dyn_into::<HtmlElement>().ok());
        }
        "Enter" | " " => {
            // Links and buttons get Enter from the browser; other markers (tabindex="0") toggle.
            let Some(Hit::Marker(marker)) = state.hit(event.target()) else {
                return;
            };
            if marker.closest("a[href], button").ok().flatten().is_some() {
                return;
            }
            event.prevent_default();
            let citation = marker.get_attribute(CITATION).unwrap_or_default();
            if state
                .open
                .iter()
                .any(|open| open.citation == citation && open.pinned)
            {
                state.close_where(|open| open.citation == citation);
            } else {
                state.open(&marker, true);
            }
        }
        _ => {}
    }
}

fn on_pointer_down(state: &mut State, _: &Timers, event: &Event) {
    state.pointer_type = pointer_type(event);
    let target = event.target().and_then(|t| t.dyn_into::<Node>().ok());
    state.open_at_pointerdown = match state.hit(event.target()) {
        Some(Hit::Marker(marker)) => marker.get_attribute(CITATION).and_then(|citation| {
            let pinned = state
                .open
                .iter()
                .find(|open| open.citation == citation)
                .map(|open| open.pinned)?;
            Some((citation, pinned))
        }),
        _ => None,
    };
    // A pointerdown outside a popup and its marker closes that popup.
    state.close_where(|open| {
        !target.as_ref().is_some_and(|node| {
            open.trigger.contains(Some(node)) || open.popup.contains(Some(node))
        })
    });
}

fn on_viewport_change(state: &mut State, _: &Timers, _: &Event) {
    state.place_all();
}

// ---- state ----------------------------------------------------------------------------------

impl State {
    /// Classifies an event target: inside an open popup, or inside a marker (the nearest).
    fn hit(&self, target: Option<EventTarget>) -> Option<Hit> {
        let node = target?.dyn_into::<Node>().ok()?;
        let element = match node.dyn_into::<Element>() {
            Ok(element) => element,
            Err(node) => node.parent_element()?,
        };
        if !self.root.contains(Some(&element)) {
            return None;
        }
        if let Some(popup) = element.closest(&format!("[{POPUP}]")).ok().flatten() {
            if self.root.contains(Some(&popup)) {
                return popup.get_attribute(POPUP).map(Hit::Popup);
            }
        }
        let marker = element.closest(&format!("[{CITATION}]")).ok().flatten()?;
        let hidden = marker
            .closest(&format!("[{CONTENT_FOR}]"))
            .ok()
            .flatten()
            .is_some();
        (self.root.contains(Some(&marker)) && !hidden).then_some(Hit::Marker(marker))
    }

    fn citation_of(&self, hit: &Hit) -> Option<String> {
        match hit {
            Hit::Marker(marker) => marker.get_attribute(CITATION),
            Hit::Popup(citation) => Some(citation.clone()),
        }
    }

    fn is_open(&self, citation: &str) -> bool {
        self.open.iter().any(|open| open.citation == citation)
    }

    /// The first marker of `citation` in the reader.
    fn marker(&self, citation: &str) -> Option<Element> {
        self.find(CITATION, citation).filter(|marker| {
            marker
                .closest(&format!("[{CONTENT_FOR}]"))
                .ok()
                .flatten()
                .is_none()
        })
    }

    /// The first element in the reader whose `attribute` equals `value` (compared, not put into a
    /// selector: ids come from the caller).
    fn find(&self, attribute: &str, value: &str) -> Option<Element> {
        let list = self
            .root
            .query_selector_all(&format!("[{attribute}]"))
            .ok()?;
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .find(|element| element.get_attribute(attribute).as_deref() == Some(value))
    }

    /// Opens the popup of `marker`'s citation (pinning it if asked); returns whether it is open.
    fn open(&mut self, marker: &Element, pin: bool) -> bool {
        let Some(citation) = marker.get_attribute(CITATION) else {
            return false;
        };
        if let Some(open) = self.open.iter_mut().find(|open| open.citation == citation) {
            open.pinned |= pin;
            return true;
        }
        let Some(content) = self.find(CONTENT_FOR, &citation) else {
            return false;
        };
        if !self.options.allow_multiple {
            self.close_where(|_| true);
        }
        match self.build(marker, &citation, &content) {
            Ok(mut open) => {
                open.pinned = pin;
                self.place(&open);
                self.open.push(open);
                true
            }
            Err(_) => false,
        }
    }

    /// Makes the popup element and points the marker at it.
    fn build(&self, marker: &Element, citation: &str, content: &Element) -> Result<Open, JsValue> {
        let document = self
            .root
            .owner_document()
            .ok_or_else(|| super::api::js_error("the reader left its document"))?;
        let role = match content.get_attribute(CONTENT_ROLE).as_deref() {
            Some("dialog") => "dialog",
            _ => "tooltip",
        };
        let id = format!("{}popup-{citation}", self.prefix);
        let popup = document.create_element("div")?;
        popup.set_class_name(POPUP_CLASS);
        popup.set_id(&id);
        popup.set_attribute(POPUP, citation)?;
        popup.set_attribute("role", role)?;
        // Clicking text inside the popup focuses it rather than the page, so focusout keeps it.
        popup.set_attribute("tabindex", "-1")?;
        if let Some(kind) = marker.get_attribute("data-kind") {
            popup.set_attribute("data-kind", &kind)?;
        }
        if role == "dialog" {
            let label = marker.text_content().unwrap_or_default();
            let label: String = label.trim().chars().take(80).collect();
            popup.set_attribute("aria-label", &label)?;
        }
        let children = content.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                popup.append_child(&child.clone_node_with_deep(true)?)?;
            }
        }
        self.root.append_child(&popup)?;
        let saved = TRIGGER_ATTRIBUTES
            .iter()
            .map(|&name| (name, marker.get_attribute(name)))
            .collect();
        if role == "dialog" {
            marker.set_attribute("aria-controls", &id)?;
            marker.set_attribute("aria-expanded", "true")?;
        } else {
            marker.set_attribute("aria-describedby", &id)?;
        }
        Ok(Open {
            citation: citation.to_string(),
            trigger: marker.clone(),
            popup,
            pinned: false,
            saved,
        })
    }

    /// Closes the open popups for which `which` holds, restoring their markers.
    fn close_where(&mut self, which: impl Fn(&Open) -> bool) {
        let (closing, staying): (Vec<Open>, Vec<Open>) = std::mem::take(&mut self.open)
            .into_iter()
            .partition(|open| which(open));
        self.open = staying;
        for open in closing {
            open.popup.remove();
            for (name, value) in &open.saved {
                // Setting or removing these fixed attribute names cannot fail.
                let _ = match value {
                    Some(value) => open.trigger.set_attribute(name, value),
                    None => open.trigger.remove_attribute(name),
                };
            }
        }
    }

    fn hover_elapsed(&mut self) {
        self.hover_timer = None;
        if let Some(marker) = self.hover_pending.take() {
            if self.root.contains(Some(&marker)) {
                self.open(&marker, false);
            }
        }
    }

    fn close_elapsed(&mut self) {
        self.close_timer = None;
        let hovered = self.hovered.clone();
        self.close_where(|open| !open.pinned && Some(&open.citation) != hovered.as_ref());
    }

    fn set_timer(&self, callback: &Closure<dyn FnMut()>, delay_ms: u32) -> Option<i32> {
        self.window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                i32::try_from(delay_ms).unwrap_or(i32::MAX),
            )
            .ok()
    }

    fn cancel_hover(&mut self) {
        if let Some(handle) = self.hover_timer.take() {
            self.window.clear_timeout_with_handle(handle);
        }
        self.hover_pending = None;
    }

    fn cancel_close(&mut self) {
        if let Some(handle) = self.close_timer.take() {
            self.window.clear_timeout_with_handle(handle);
        }
    }

    fn cancel_timers(&mut self) {
        self.cancel_hover();
        self.cancel_close();
    }

    fn place_all(&self) {
        for open in &self.open {
            self.place(open);
        }
    }

    /// Positions a popup: a bottom sheet on narrow viewports; otherwise fixed below the marker's
    /// first line box if it fits, else above, shifted to stay inside the viewport.
    fn place(&self, open: &Open) {
        let Some(popup) = open.popup.dyn_ref::<HtmlElement>() else {
            return;
        };
        let style = popup.style();
        let viewport_width = self
            .root
            .owner_document()
            .and_then(|d| d.document_element())
            .map(|e| f64::from(e.client_width()))
            .filter(|w| *w > 0.0)
            .or_else(|| self.window.inner_width().ok().and_then(|w| w.as_f64()))
            .unwrap_or(1024.0);
        let viewport_height = self
            .window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(768.0);
        let class_list = popup.class_list();
        if viewport_width < SHEET_BELOW_PX {
            let _ = class_list.add_1(SHEET_CLASS);
            let _ = style.remove_property("top");
            let _ = style.remove_property("left");
            let _ = popup.remove_attribute("data-placement");
            return;
        }
        let _ = class_list.remove_1(SHEET_CLASS);
        let Some(rect) = first_rect(&open.trigger) else {
            return;
        };
        // Measure at the top-left corner, where nothing constrains the popup's width.
        let _ = style.set_property("top", "0px");
        let _ = style.set_property("left", "0px");
        let width = f64::from(popup.offset_width());
        let height = f64::from(popup.offset_height());
        let below = rect.bottom() + GAP_PX;
        let above = rect.top() - GAP_PX - height;
        let (top, placement) = if below + height <= viewport_height - MARGIN_PX {
            (below, "below")
        } else if above >= MARGIN_PX {
            (above, "above")
        } else {
            (
                (viewport_height - height - MARGIN_PX).max(MARGIN_PX),
                "below",
            )
        };
        let left = rect
            .left()
            .min(viewport_width - width - MARGIN_PX)
            .max(MARGIN_PX);
        let _ = style.set_property("top", &format!("{top:.0}px"));
        let _ = style.set_property("left", &format!("{left:.0}px"));
        let _ = popup.set_attribute("data-placement", placement);
    }
}

/// The marker's first line box (a marker can wrap over lines), or its bounding box.
fn first_rect(marker: &Element) -> Option<DomRect> {
    let rects = marker.get_client_rects();
    rects
        .get(0)
        .or_else(|| Some(marker.get_bounding_client_rect()))
}
