//! The one error type. Input problems that still leave an article are warnings in the model instead.

use std::fmt;

/// Why an article could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input is larger than [`crate::ParseOptions::max_input_bytes`].
    InputTooLarge { bytes: usize, limit: usize },
    /// An option has a value it cannot take.
    InvalidOption { name: String, reason: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "the article is {bytes} bytes, more than the limit of {limit} bytes (option maxInputBytes)"
            ),
            Error::InvalidOption { name, reason } => write!(f, "option `{name}`: {reason}"),
        }
    }
}

impl std::error::Error for Error {}
