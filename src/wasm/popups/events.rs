//! The event handlers of the delegated listeners: each reads the event and updates the state of
//! one reader's popups. Touch opens on tap (click), mouse and pen on hover; focus opens at once.

use wasm_bindgen::JsCast;
use web_sys::{Event, FocusEvent, HtmlElement, KeyboardEvent, MouseEvent, Node, PointerEvent};

use super::{origin, Hit, Open, State, Timers, CITATION};

fn pointer_type(event: &Event) -> String {
    event
        .dyn_ref::<PointerEvent>()
        .map(PointerEvent::pointer_type)
        .unwrap_or_default()
}

pub(super) fn on_pointer_over(state: &mut State, timers: &Timers, event: &Event) {
    // Touch opens on tap (click), not on the pointerover that precedes it.
    if pointer_type(event) == "touch" {
        return;
    }
    match state.hit(origin(event)) {
        Some(Hit::Popup(popup)) => {
            state.hovered = popup.get_attribute(super::POPUP);
            state.hovered_node = Some(popup);
            state.cancel_close();
        }
        Some(Hit::Marker(marker)) => {
            let citation = marker.get_attribute(CITATION);
            state.hovered = citation.clone();
            state.hovered_node = Some(marker.clone());
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

pub(super) fn on_pointer_out(state: &mut State, timers: &Timers, event: &Event) {
    if pointer_type(event) == "touch" {
        return;
    }
    let from = state
        .hit(origin(event))
        .and_then(|hit| state.citation_of(&hit));
    let related = event
        .dyn_ref::<MouseEvent>()
        .and_then(MouseEvent::related_target);
    let to_hit = state.hit(related);
    let to = to_hit.as_ref().and_then(|hit| state.citation_of(hit));
    if from == to {
        return;
    }
    state.hovered = to;
    state.hovered_node = to_hit.as_ref().map(|hit| State::hit_element(hit).clone());
    let pending = state
        .hover_pending
        .as_ref()
        .and_then(|marker| marker.get_attribute(CITATION));
    if pending.is_some() && pending == from {
        state.cancel_hover();
    }
    if state
        .open
        .iter()
        .any(|open| !open.pinned && !state.hovering(open))
    {
        state.cancel_close();
        let delay = state.options.close_delay_ms;
        state.close_timer = state.set_timer(&timers.close, delay);
    }
}

pub(super) fn on_focus_in(state: &mut State, _: &Timers, event: &Event) {
    match state.hit(origin(event)) {
        Some(Hit::Popup(_)) => state.cancel_close(),
        Some(Hit::Marker(marker)) if !state.returning_focus => {
            state.cancel_hover();
            state.open(&marker, true);
        }
        _ => {}
    }
}

pub(super) fn on_focus_out(state: &mut State, _: &Timers, event: &Event) {
    let Some(from) = origin(event).and_then(|t| t.dyn_into::<Node>().ok()) else {
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

pub(super) fn on_click(state: &mut State, _: &Timers, event: &Event) {
    let Some(Hit::Marker(marker)) = state.hit(origin(event)) else {
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

pub(super) fn on_key_down(state: &mut State, _: &Timers, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    match key.key().as_str() {
        "Escape" | "Esc" => {
            state.cancel_timers();
            // Focus on the marker of an open popup: that popup closes and focus stays. Focus inside
            // a popup: the innermost popup holding it closes (with those nested in it) and focus
            // returns to its marker. Otherwise the newest popup closes.
            let focused = origin(event).and_then(|t| t.dyn_into::<Node>().ok());
            let on_marker = state
                .open
                .iter()
                .rev()
                .find(|open| {
                    focused
                        .as_ref()
                        .is_some_and(|node| open.trigger.contains(Some(node)))
                })
                .map(|open| (open.popup.clone(), None));
            let holding = state
                .open
                .iter()
                .rev()
                .find(|open| {
                    focused
                        .as_ref()
                        .is_some_and(|node| open.popup.contains(Some(node)))
                })
                .map(|open| (open.popup.clone(), Some(open.trigger.clone())));
            let Some((popup, back)) = on_marker
                .or(holding)
                .or_else(|| state.open.last().map(|open| (open.popup.clone(), None)))
            else {
                return;
            };
            state.close_where(|open| open.popup == popup);
            state.refocus = back.and_then(|marker| marker.dyn_into::<HtmlElement>().ok());
        }
        "Enter" | " " => {
            // Links and buttons get Enter from the browser; other markers (tabindex="0") toggle.
            let Some(Hit::Marker(marker)) = state.hit(origin(event)) else {
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

pub(super) fn on_pointer_down(state: &mut State, _: &Timers, event: &Event) {
    state.pointer_type = pointer_type(event);
    let target = origin(event).and_then(|t| t.dyn_into::<Node>().ok());
    state.open_at_pointerdown = match state.hit(origin(event)) {
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

pub(super) fn on_viewport_change(state: &mut State, _: &Timers, _: &Event) {
    state.place_all();
}
