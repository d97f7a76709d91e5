//! Abbreviations defined in the text ("Long Form (LF)", "LF (Long Form)", ...) and their later uses.

use super::{Mark, Unit};
use crate::Abbreviation;

/// Finds the abbreviations `units` define, and a mark for each later use of a short form.
pub(crate) fn find(_units: &[Unit]) -> (Vec<Abbreviation>, Vec<Mark>) {
    (Vec::new(), Vec::new())
}
