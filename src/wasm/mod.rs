//! The WebAssembly binding: the only module that names wasm-bindgen, web-sys, js-sys and
//! serde-wasm-bindgen. It converts, calls the core, and converts back; it decides nothing about
//! articles.
//!
//! - [`api`]: the JS API (`parse`, `render`, `mount` and the `Reader` handle), the one serializer
//!   and the one error conversion.
//! - [`popups`]: the popups of a mounted reader: one delegated listener set per reader and its
//!   timers, all owned by the handle and removed by `destroy()`.
//! - [`position`]: where an open popup goes (below/above its marker, or a bottom sheet).
//! - [`sources`]: the sources panel: choose a source, step through its citations.
//! - [`trusted`]: HTML strings into the DOM through the one Trusted Types policy `cite-reader`.

mod api;
mod popups;
mod position;
mod sources;
mod trusted;

pub use api::{mount_js as mount, parse_js as parse, render_js as render, Reader};
