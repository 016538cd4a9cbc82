//! The AIDL compiler (`binder-aidl`) on arbitrary text: lexer, parser, type resolution,
//! constant evaluation, checks and the Rust backend, with the options drawn from the first
//! byte (interface version and hash, `--structured`, `--stability=vintf`).
//!
//! Oracles: no panic (nor stack overflow: the parser bounds its nesting); a rejected file gets
//! AIDL diagnostics only (never an I/O or usage error: the text is in memory and there are no
//! include directories), each naming the file at a line and column inside it; an accepted file
//! generates the same Rust again when compiled a second time (the output is a function of the
//! input).

#![no_main]

use binder_aidl::{compile_text, Error, Options};
use binder_sim_fuzz::oracle;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&opts, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let options = Options {
        version: if opts & 1 != 0 { 3 } else { 0 },
        hash: if opts & 2 != 0 {
            "abc123".into()
        } else {
            String::new()
        },
        structured: opts & 4 != 0,
        stability_vintf: opts & 8 != 0,
        ..Options::default()
    };
    // A file must sit at its package's path: the compiler's own complaint names it, and the
    // text is compiled again from there so that the checks and the backend are reached.
    let mut path = "IFuzz.aidl".to_string();
    let mut result = compile_text(&path, text, &options);
    if let Err(Error::Aidl(diags)) = &result {
        let called = " should be declared in a file called ";
        if let Some(expected) = diags
            .iter()
            .find_map(|d| d.message.split_once(called).map(|(_, e)| e.to_string()))
        {
            path = expected;
            result = compile_text(&path, text, &options);
        }
    }
    match result {
        Ok(files) => {
            let again = compile_text(&path, text, &options)
                .unwrap_or_else(|e| oracle!("accepted once, then refused: {e}"));
            if files.len() != again.len()
                || files
                    .iter()
                    .zip(&again)
                    .any(|(a, b)| a.contents != b.contents)
            {
                oracle!("two compilations of the same text differ");
            }
        }
        Err(Error::Aidl(diags)) => {
            if diags.is_empty() {
                oracle!("refused without a diagnostic");
            }
            let lines: Vec<&str> = text.split('\n').collect();
            for d in &diags {
                if d.file != path {
                    oracle!("diagnostic for another file: {d}");
                }
                let Some(line) = lines.get((d.line as usize).wrapping_sub(1)) else {
                    oracle!("diagnostic outside the file ({} lines): {d}", lines.len());
                };
                if d.col == 0 || d.col as usize > line.chars().count() + 1 {
                    oracle!("diagnostic past the end of its line {line:?}: {d}");
                }
            }
        }
        Err(e) => oracle!("not an AIDL diagnostic: {e}"),
    }
});
