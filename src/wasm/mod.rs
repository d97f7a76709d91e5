//! wasm binding (placeholder)
