//! The sources panel of a mounted reader: choosing a source (its name is a toggle button)
//! highlights every citation of that source in the text and shows a bar that steps through them
//! (Previous / Next, or the arrow keys on the panel's controls). The renderer writes the panel as
//! a plain list; this module only adds roles, states and listeners, all removed on drop.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent};

use super::popups::origin;

/// On a source's list item: its id, and its citations with a marker, in reading order.
const SOURCE: &str = "data-source";
const SOURCE_CITATIONS: &str = "data-source-citations";
/// The source's name, made a toggle button here.
const PICK: &str = "data-source-pick";
/// The step bar, its two step buttons (`-1`, `1`), its status line and its clear button.
const NAV: &str = "data-sources-nav";
const STEP: &str = "data-sources-step";
const STATUS: &str = "data-sources-status";
const CLEAR: &str = "data-sources-clear";
/// On every marker of the chosen source, and on the one stepped to.
const HIGHLIGHT: &str = "data-source-highlight";
const CURRENT: &str = "data-source-current";

pub(super) struct SourcesPanel {
    panel: Rc<RefCell<Panel>>,
    _listeners: Vec<PanelListener>,
}

struct Panel {
    root: Element,
    /// The chosen source's id and its markers.
    chosen: Option<String>,
    markers: Vec<Element>,
    index: usize,
}

impl SourcesPanel {
    pub(super) fn new(root: &Element) -> Result<SourcesPanel, JsValue> {
        let panel = Rc::new(RefCell::new(Panel {
            root: root.clone(),
            chosen: None,
            markers: Vec::new(),
            index: 0,
        }));
        let target: &EventTarget = root.as_ref();
        let listeners = vec![
            PanelListener::add(target, "click", &panel, on_click)?,
            PanelListener::add(target, "keydown", &panel, on_key_down)?,
        ];
        let sources = SourcesPanel {
            panel,
            _listeners: listeners,
        };
        sources.refresh();
        Ok(sources)
    }

    /// Wires the panel the reader shows now (after mount and after each `update`).
    pub(super) fn refresh(&self) {
        if let Ok(mut panel) = self.panel.try_borrow_mut() {
            panel.chosen = None;
            panel.markers.clear();
            panel.wire();
        }
    }
}

impl Drop for SourcesPanel {
    fn drop(&mut self) {
        if let Ok(mut panel) = self.panel.try_borrow_mut() {
            panel.clear();
        }
    }
}

fn on_click(panel: &mut Panel, event: &Event) {
    let Some(element) = panel.target_in_panel(event) else {
        return;
    };
    if let Some(pick) = closest(&element, PICK) {
        panel.toggle(&pick);
    } else if let Some(step) = closest(&element, STEP) {
        let delta = step.get_attribute(STEP).and_then(|d| d.parse::<i64>().ok());
        panel.step(delta.unwrap_or(1));
    } else if closest(&element, CLEAR).is_some() {
        panel.clear();
    }
}

fn on_key_down(panel: &mut Panel, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    let Some(element) = panel.target_in_panel(event) else {
        return;
    };
    let on_pick = closest(&element, PICK);
    let on_control = on_pick.is_some() || closest(&element, NAV).is_some();
    match key.key().as_str() {
        "Enter" | " " => {
            if let Some(pick) = on_pick {
                event.prevent_default();
                panel.toggle(&pick);
            }
        }
        "ArrowRight" | "ArrowDown" if on_control && panel.chosen.is_some() => {
            event.prevent_default();
            panel.step(1);
        }
        "ArrowLeft" | "ArrowUp" if on_control && panel.chosen.is_some() => {
            event.prevent_default();
            panel.step(-1);
        }
        "Escape" if panel.chosen.is_some() && on_control => panel.clear(),
        _ => {}
    }
}

fn closest(element: &Element, attribute: &str) -> Option<Element> {
    element.closest(&format!("[{attribute}]")).ok().flatten()
}

impl Panel {
    /// The event's element when it is inside this reader's sources panel.
    fn target_in_panel(&self, event: &Event) -> Option<Element> {
        let element = origin(event)?.dyn_into::<Element>().ok()?;
        let panel = element.closest("[data-sources-panel]").ok().flatten()?;
        self.root.contains(Some(&panel)).then_some(element)
    }

    /// Makes each source name with citations a toggle button.
    fn wire(&self) {
        let Ok(list) = self.root.query_selector_all(&format!("[{PICK}]")) else {
            return;
        };
        for i in 0..list.length() {
            let Some(pick) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let cited = pick
                .closest(&format!("[{SOURCE_CITATIONS}]"))
                .ok()
                .flatten()
                .is_some();
            if cited {
                // Fixed attribute names and values: these cannot fail.
                let _ = pick.set_attribute("role", "button");
                let _ = pick.set_attribute("tabindex", "0");
                let _ = pick.set_attribute("aria-pressed", "false");
                let _ = pick.set_attribute("title", "Show where this source is cited");
            }
        }
    }

    fn toggle(&mut self, pick: &Element) {
        let Some(item) = pick.closest(&format!("[{SOURCE}]")).ok().flatten() else {
            return;
        };
        let Some(source) = item.get_attribute(SOURCE) else {
            return;
        };
        let Some(citations) = item.get_attribute(SOURCE_CITATIONS) else {
            return;
        };
        let again = self.chosen.as_deref() == Some(source.as_str());
        self.clear();
        if again {
            return;
        }
        self.markers = citations
            .split_whitespace()
            .filter_map(|id| self.marker(id))
            .collect();
        if self.markers.is_empty() {
            return;
        }
        for marker in &self.markers {
            let _ = marker.set_attribute(HIGHLIGHT, &source);
        }
        let _ = pick.set_attribute("aria-pressed", "true");
        if let Some(nav) = self.find(NAV) {
            let _ = nav.remove_attribute("hidden");
        }
        self.chosen = Some(source);
        self.go(0);
    }

    fn step(&mut self, delta: i64) {
        let count = self.markers.len();
        if self.chosen.is_none() || count == 0 {
            return;
        }
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        let index = i64::try_from(self.index).unwrap_or(0);
        let next = (index + delta).rem_euclid(count);
        self.go(usize::try_from(next).unwrap_or(0));
    }

    /// Marks the `index`th citation as the current one and scrolls it into view.
    fn go(&mut self, index: usize) {
        if let Some(previous) = self.markers.get(self.index) {
            let _ = previous.remove_attribute(CURRENT);
        }
        let Some(marker) = self.markers.get(index) else {
            return;
        };
        self.index = index;
        let _ = marker.set_attribute(CURRENT, "");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
        marker.scroll_into_view_with_scroll_into_view_options(&options);
        let name = self
            .chosen
            .as_deref()
            .and_then(|source| {
                self.root
                    .query_selector_all(&format!("[{SOURCE}]"))
                    .ok()
                    .and_then(|list| {
                        (0..list.length())
                            .filter_map(|i| list.item(i))
                            .filter_map(|n| n.dyn_into::<Element>().ok())
                            .find(|e| e.get_attribute(SOURCE).as_deref() == Some(source))
                    })
            })
            .and_then(|item| item.query_selector(&format!("[{PICK}]")).ok().flatten())
            .and_then(|pick| pick.text_content())
            .unwrap_or_default();
        if let Some(status) = self.find(STATUS) {
            status.set_text_content(Some(&format!(
                "{name}: citation {} of {}",
                index + 1,
                self.markers.len()
            )));
        }
    }

    /// Removes every highlight and hides the step bar.
    fn clear(&mut self) {
        for marker in &self.markers {
            let _ = marker.remove_attribute(HIGHLIGHT);
            let _ = marker.remove_attribute(CURRENT);
        }
        self.markers.clear();
        self.index = 0;
        self.chosen = None;
        if let Ok(list) = self.root.query_selector_all("[aria-pressed=\"true\"]") {
            for i in 0..list.length() {
                if let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    if element.has_attribute(PICK) {
                        let _ = element.set_attribute("aria-pressed", "false");
                    }
                }
            }
        }
        if let Some(nav) = self.find(NAV) {
            let _ = nav.set_attribute("hidden", "");
        }
        if let Some(status) = self.find(STATUS) {
            status.set_text_content(None);
        }
    }

    fn find(&self, attribute: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[{attribute}]"))
            .ok()
            .flatten()
    }

    /// The marker of citation `id` in the text (not in hidden popup content or an open popup).
    fn marker(&self, id: &str) -> Option<Element> {
        let list = self.root.query_selector_all("[data-citation]").ok()?;
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .filter(|e| e.get_attribute("data-citation").as_deref() == Some(id))
            .find(|e| {
                e.closest("[data-popup-for], [data-citation-popup]")
                    .ok()
                    .flatten()
                    .is_none()
            })
    }
}

/// An event listener on the reader's root that removes itself when dropped.
struct PanelListener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl PanelListener {
    fn add(
        target: &EventTarget,
        kind: &'static str,
        panel: &Rc<RefCell<Panel>>,
        handler: fn(&mut Panel, &Event),
    ) -> Result<PanelListener, JsValue> {
        let panel = Rc::clone(panel);
        let callback = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Ok(mut panel) = panel.try_borrow_mut() {
                handler(&mut panel, &event);
            }
        });
        target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref())?;
        Ok(PanelListener {
            target: target.clone(),
            kind,
            callback,
        })
    }
}

impl Drop for PanelListener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}
