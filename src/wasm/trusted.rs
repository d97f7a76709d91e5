//! HTML strings into the DOM through one Trusted Types policy, so the reader works under
//! `require-trusted-types-for 'script'; trusted-types cite-reader`.
//!
//! The policy is created once per page and kept under a registered symbol on the global object
//! (symbols cannot be clobbered by elements with ids, and a re-instantiated module finds the policy
//! its predecessor made: a second `createPolicy("cite-reader")` would be refused). Its `createHTML`
//! passes the string through: every string it sees comes from the core's HTML writer, which
//! escapes all article text and writes only markup it made itself. Where Trusted Types do not
//! exist (or the page does not allow the policy), plain strings are assigned.

use std::cell::OnceCell;

use js_sys::{Function, Object, Reflect, Symbol};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The policy name an embedder's CSP must allow (`trusted-types cite-reader`).
const POLICY_NAME: &str = "cite-reader";
/// Where the policy is kept on the global object.
const POLICY_SYMBOL: &str = "cite-reader.trusted-types-policy";

thread_local! {
    static POLICY: OnceCell<Option<JsValue>> = const { OnceCell::new() };
}

/// Replaces the children of `element` with the parsed `html` (the reader's own markup).
pub(super) fn set_html(element: &Element, html: &str) -> Result<(), JsValue> {
    match POLICY.with(|cell| cell.get_or_init(policy).clone()) {
        Some(policy) => {
            let create: Function =
                Reflect::get(&policy, &JsValue::from_str("createHTML"))?.dyn_into()?;
            let trusted = create.call1(&policy, &JsValue::from_str(html))?;
            Reflect::set(element, &JsValue::from_str("innerHTML"), &trusted)?;
        }
        None => element.set_inner_html(html),
    }
    Ok(())
}

/// The page's `cite-reader` policy: the one kept on the global object, or a new one; `None` where
/// Trusted Types are missing or the policy cannot be made.
fn policy() -> Option<JsValue> {
    let global = js_sys::global();
    let key = Symbol::for_(POLICY_SYMBOL);
    if let Ok(kept) = Reflect::get(&global, &key) {
        if kept.is_object() {
            return Some(kept);
        }
    }
    let factory = Reflect::get(&global, &JsValue::from_str("trustedTypes")).ok()?;
    if !factory.is_object() {
        return None;
    }
    let create_policy: Function = Reflect::get(&factory, &JsValue::from_str("createPolicy"))
        .ok()?
        .dyn_into()
        .ok()?;
    let rules = Object::new();
    let pass_through = Closure::<dyn Fn(String) -> String>::new(|html: String| html);
    Reflect::set(
        &rules,
        &JsValue::from_str("createHTML"),
        &pass_through.into_js_value(),
    )
    .ok()?;
    let policy = create_policy
        .call2(&factory, &JsValue::from_str(POLICY_NAME), &rules)
        .ok()?;
    // Keeping it is best effort: a frozen global only means the next instance cannot reuse it.
    let _ = Reflect::set(&global, &key, &policy);
    Some(policy)
}
