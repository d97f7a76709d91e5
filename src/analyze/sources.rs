//! Sources, quotes, speakers and attributions.

use super::{Mark, Unit};
use crate::{Abbreviation, Source};

/// What the speech analysis finds.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SpeechFindings {
    pub sources: Vec<Source>,
    pub marks: Vec<Mark>,
    pub warnings: Vec<String>,
}

/// Finds quotations, attributions, mentions and the sources they point at.
pub(crate) fn find(_units: &[Unit], _abbreviations: &[Abbreviation]) -> SpeechFindings {
    SpeechFindings::default()
}
