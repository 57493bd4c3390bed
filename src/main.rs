//! Entry point of the browser app: installs the panic hook and mounts the calculator.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        mee_frictiekosten::ui::show_crash_message();
    }));
    mee_frictiekosten::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app. Build it with `trunk build --release`; see README.md.");
}
