//! Where an open popup goes: a sheet along the bottom edge on narrow viewports; otherwise
//! `position: fixed` below the marker's first line box if it fits, else above, shifted to stay
//! inside the viewport.

use web_sys::{Document, DomRect, Element, HtmlElement, Window};

/// Narrow viewports show the popup as a sheet along the bottom edge.
const SHEET_CLASS: &str = "cr-popup--sheet";
const SHEET_BELOW_PX: f64 = 600.0;
/// Space between marker and popup, and between popup and viewport edge.
const GAP_PX: f64 = 6.0;
const MARGIN_PX: f64 = 8.0;

/// Places `popup` for `marker` in the current viewport. Style writes cannot fail on an element's
/// own style declaration, so their results are ignored.
pub(super) fn place(
    popup: &HtmlElement,
    marker: &Element,
    window: &Window,
    document: Option<&Document>,
) {
    let style = popup.style();
    // The layout viewport without the scrollbar; innerWidth as a fallback.
    let viewport_width = document
        .and_then(Document::document_element)
        .map(|e| f64::from(e.client_width()))
        .filter(|w| *w > 0.0)
        .or_else(|| window.inner_width().ok().and_then(|w| w.as_f64()))
        .unwrap_or(1024.0);
    let viewport_height = window
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
    // A marker that wraps has several line boxes: below goes under the last, above over the first.
    let (first, last) = line_rects(marker);
    // Measure at the top-left corner, where nothing constrains the popup's width.
    let _ = style.set_property("top", "0px");
    let _ = style.set_property("left", "0px");
    let width = f64::from(popup.offset_width());
    let height = f64::from(popup.offset_height());
    let below = last.bottom() + GAP_PX;
    let above = first.top() - GAP_PX - height;
    let (top, placement, rect) = if below + height <= viewport_height - MARGIN_PX {
        (below, "below", &last)
    } else if above >= MARGIN_PX {
        (above, "above", &first)
    } else {
        // Fits neither: on the side with more room, shifted inside the viewport.
        let room_below = viewport_height - last.bottom();
        if room_below >= first.top() {
            (
                (viewport_height - height - MARGIN_PX).max(MARGIN_PX),
                "below",
                &last,
            )
        } else {
            (MARGIN_PX, "above", &first)
        }
    };
    let left = rect
        .left()
        .min(viewport_width - width - MARGIN_PX)
        .max(MARGIN_PX);
    let _ = style.set_property("top", &format!("{}px", top.round() as i64));
    let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    let _ = popup.set_attribute("data-placement", placement);
}

/// The marker's first and last line boxes (a marker can wrap over lines), or its bounding box.
fn line_rects(marker: &Element) -> (DomRect, DomRect) {
    let rects = marker.get_client_rects();
    let count = rects.length();
    match (
        rects.get(0),
        count.checked_sub(1).and_then(|i| rects.get(i)),
    ) {
        (Some(first), Some(last)) => (first, last),
        _ => {
            let rect = marker.get_bounding_client_rect();
            (rect.clone(), rect)
        }
    }
}
