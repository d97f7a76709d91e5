//! The popups of one mounted reader.
//!
//! One delegated listener set on the reader's root (pointerover/pointerout, focusin/focusout,
//! click), plus document-level keydown (Escape also dismisses a hovered popup while focus is
//! elsewhere) and pointerdown (outside taps), and window scroll/resize (repositioning). Every
//! listener and both timer callbacks are owned by [`Popups`] and removed when it is dropped: no
//! `forget`, no leak per reader.
//!
//! A popup is a `div` inserted right after its marker with `data-citation-popup="<id>"`, the role
//! the renderer wrote on the citation's hidden content (`tooltip` or `dialog`) and a copy of that
//! content. It opens after `hoverDelay` on hover, at once on focus or tap, and closes on Escape,
//! outside pointerdown, focus leaving marker and popup, or `closeDelay` after the pointer left
//! marker and popup (hovering the popup keeps it open: WCAG 1.4.13).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, Event, EventTarget, HtmlElement, Node, Window};

use super::position;
use crate::options::MountOptions;
use events::{
    on_click, on_focus_in, on_focus_out, on_key_down, on_pointer_down, on_pointer_out,
    on_pointer_over, on_viewport_change,
};

mod events;

/// On every marker: the citation it opens.
const CITATION: &str = "data-citation";
/// On an open popup: the citation it shows.
const POPUP: &str = "data-citation-popup";
/// On the renderer's hidden popup content: the citation it belongs to.
const CONTENT_FOR: &str = "data-popup-for";
/// On the renderer's hidden popup content: `tooltip` or `dialog`.
const CONTENT_ROLE: &str = "data-popup-role";
const POPUP_CLASS: &str = "cr-popup";
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
    /// The citation whose marker or popup the pointer is over, and that element.
    hovered: Option<String>,
    hovered_node: Option<Element>,
    /// The pointer type of the last pointerdown ("mouse", "touch", "pen").
    pointer_type: String,
    /// The citation whose marker the last pointerdown hit, when its popup was open then, and
    /// whether it was pinned: decides what the following click does.
    open_at_pointerdown: Option<(String, bool)>,
    /// An element to focus once the handler has released the state (focus events re-enter).
    refocus: Option<HtmlElement>,
    /// Set while that focus move runs, so the marker's focusin does not reopen its popup.
    returning_focus: bool,
    /// Citations whose popup opened, announced once the state is released.
    opened: Vec<String>,
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
    /// Inside the marker of a citation (the nearest one: citations can nest, and a marker can sit
    /// inside an open popup: a citation in a footnote).
    Marker(Element),
    /// Inside this open popup (and not on a marker in it).
    Popup(Element),
}

/// On the renderer's copy of a citation inside popup content: becomes a live marker when the
/// popup opens, so citations nested in popups open their own popups.
const NESTED: &str = "data-nested-citation";
const NESTED_KIND: &str = "data-nested-kind";
/// The event a reader's root dispatches when a popup opens (detail: `{ citationId }`).
const OPEN_EVENT: &str = "cite-reader:open";

/// The element an event started at, seen through open shadow roots (a document-level listener
/// otherwise sees the shadow host).
pub(super) fn origin(event: &Event) -> Option<EventTarget> {
    event
        .composed_path()
        .get(0)
        .dyn_into::<EventTarget>()
        .ok()
        .or_else(|| event.target())
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
                    hovered_node: None,
                    pointer_type: String::new(),
                    open_at_pointerdown: None,
                    refocus: None,
                    returning_focus: false,
                    opened: Vec::new(),
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
        announce(&self.shared);
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

/// Dispatches `cite-reader:open` on the root for each popup opened since the last call.
fn announce(shared: &Shared) {
    let (root, opened) = match shared.state.try_borrow_mut() {
        Ok(mut state) => (state.root.clone(), std::mem::take(&mut state.opened)),
        Err(_) => return,
    };
    for citation in opened {
        let detail = js_sys::Object::new();
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&detail, &"citationId".into(), &citation.as_str().into());
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(OPEN_EVENT, &init) {
            let _ = root.dispatch_event(&event);
        }
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
                // Focus returns to a marker whose popup was just closed: it must not reopen.
                set_returning_focus(&shared, true);
                // Focusing can only fail on detached elements; nothing to do then.
                let _ = element.focus();
                set_returning_focus(&shared, false);
            }
            announce(&shared);
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

fn set_returning_focus(shared: &Shared, value: bool) {
    if let Ok(mut state) = shared.state.try_borrow_mut() {
        state.returning_focus = value;
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

impl State {
    /// Classifies an event target: on a marker (the nearest, also inside an open popup), or
    /// elsewhere inside an open popup.
    fn hit(&self, target: Option<EventTarget>) -> Option<Hit> {
        let node = target?.dyn_into::<Node>().ok()?;
        let element = match node.dyn_into::<Element>() {
            Ok(element) => element,
            Err(node) => node.parent_element()?,
        };
        if !self.root.contains(Some(&element)) {
            return None;
        }
        let popup = element
            .closest(&format!("[{POPUP}]"))
            .ok()
            .flatten()
            .filter(|popup| self.root.contains(Some(popup)));
        let marker = element
            .closest(&format!("[{CITATION}]"))
            .ok()
            .flatten()
            .filter(|marker| {
                self.root.contains(Some(marker))
                    && marker
                        .closest(&format!("[{CONTENT_FOR}]"))
                        .ok()
                        .flatten()
                        .is_none()
            });
        match (marker, popup) {
            (Some(marker), Some(popup)) if popup.contains(Some(&marker)) => {
                Some(Hit::Marker(marker))
            }
            (_, Some(popup)) => Some(Hit::Popup(popup)),
            (Some(marker), None) => Some(Hit::Marker(marker)),
            (None, None) => None,
        }
    }

    /// The element of a hit: the marker, or the popup.
    fn hit_element(hit: &Hit) -> &Element {
        match hit {
            Hit::Marker(element) | Hit::Popup(element) => element,
        }
    }

    /// Whether the pointer is over this popup, its marker, or something nested in the popup.
    fn hovering(&self, open: &Open) -> bool {
        self.hovered.as_deref() == Some(open.citation.as_str())
            || self
                .hovered_node
                .as_ref()
                .is_some_and(|node| open.popup.contains(Some(node)))
    }

    fn citation_of(&self, hit: &Hit) -> Option<String> {
        match hit {
            Hit::Marker(marker) => marker.get_attribute(CITATION),
            Hit::Popup(popup) => popup.get_attribute(POPUP),
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
            // One at a time, except the popups this marker sits in (nested popups).
            self.close_where(|open| !open.popup.contains(Some(marker)));
        }
        match self.build(marker, &citation, &content) {
            Ok(mut open) => {
                open.pinned = pin;
                self.place(&open);
                self.open.push(open);
                self.opened.push(citation);
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
        self.wake_nested(&popup)?;
        // Right after its marker: the popup's links come next in tab order and screen readers
        // meet it in context. It is `position: fixed`, so the line around it does not move.
        // Never inside a link or button (a click in the popup would follow it): after that instead.
        let host = marker
            .parent_element()
            .and_then(|parent| parent.closest("a, button").ok().flatten())
            .filter(|host| self.root.contains(Some(host)))
            .unwrap_or_else(|| marker.clone());
        host.after_with_node_1(&popup)?;
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

    /// Turns the citations copied into a popup into live markers (when their content exists).
    fn wake_nested(&self, popup: &Element) -> Result<(), JsValue> {
        let list = popup.query_selector_all(&format!("[{NESTED}]"))?;
        for i in 0..list.length() {
            let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let citation = element.get_attribute(NESTED).unwrap_or_default();
            element.remove_attribute(NESTED)?;
            let kind = element.get_attribute(NESTED_KIND);
            element.remove_attribute(NESTED_KIND)?;
            if citation.is_empty() || self.find(CONTENT_FOR, &citation).is_none() {
                continue;
            }
            element.set_attribute(CITATION, &citation)?;
            if let Some(kind) = kind {
                element.set_attribute("data-kind", &kind)?;
            }
            if !element.matches("a[href], button").unwrap_or(false) {
                element.set_attribute("tabindex", "0")?;
            }
        }
        Ok(())
    }

    /// Closes the open popups for which `which` holds, and the popups nested in them, restoring
    /// their markers.
    fn close_where(&mut self, which: impl Fn(&Open) -> bool) {
        let (mut closing, mut staying): (Vec<Open>, Vec<Open>) = std::mem::take(&mut self.open)
            .into_iter()
            .partition(|open| which(open));
        // A popup whose marker is inside a closing popup goes with it.
        loop {
            let (nested, rest): (Vec<Open>, Vec<Open>) = staying.into_iter().partition(|open| {
                closing
                    .iter()
                    .any(|outer| outer.popup.contains(Some(&open.trigger)))
            });
            staying = rest;
            if nested.is_empty() {
                break;
            }
            closing.extend(nested);
        }
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
        let keep: Vec<bool> = self
            .open
            .iter()
            .map(|open| open.pinned || self.hovering(open))
            .collect();
        let closing: Vec<Element> = self
            .open
            .iter()
            .zip(keep)
            .filter(|(_, keep)| !keep)
            .map(|(open, _)| open.popup.clone())
            .collect();
        self.close_where(|open| closing.contains(&open.popup));
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

    fn place(&self, open: &Open) {
        if let Some(popup) = open.popup.dyn_ref::<HtmlElement>() {
            let document = self.root.owner_document();
            position::place(popup, &open.trigger, &self.window, document.as_ref());
        }
    }
}
