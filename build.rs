//! Keeps the linker's relocations in the browser app's wasm: `wasm-split-cli` needs them to
//! split the program into its first load and lazily loaded chunks (scripts/build-wasm.mjs).
//! Only for the wasm32 binary; native builds and tests are unaffected.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
