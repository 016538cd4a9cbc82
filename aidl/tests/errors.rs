//! Bad `.aidl` inputs and the exact `file:line:col: message` each one gets (AOSP's words).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use binder_aidl::{compile, Options};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("binder-aidl-errors-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Writes `files` (path relative to a fresh include directory, contents), compiles the
/// first one and returns the error text with the directory prefix removed.
fn error_of(files: &[(&str, &str)], structured: bool) -> String {
    let dir = TempDir::new();
    for (rel, text) in files {
        let p = dir.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    let options = Options {
        includes: vec![dir.0.clone()],
        sources: vec![dir.0.join(files[0].0)],
        structured,
        ..Options::default()
    };
    match compile(&options) {
        Ok(_) => panic!("{} compiled", files[0].0),
        Err(e) => e.to_string().replace(&format!("{}/", dir.0.display()), ""),
    }
}

/// (file, contents, expected error) with the file alone in its include directory.
const CASES: &[(&str, &str, &str)] = &[
    // Syntax.
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(;\n}\n",
        "ERROR: a/IFoo.aidl:3:12: syntax error, unexpected ';', expecting identifier",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f() = x;\n}\n",
        "ERROR: a/IFoo.aidl:3:16: syntax error, unexpected identifier 'x', expecting number",
    ),
    (
        "a/IFoo.aidl",
        "package a;\n/* never closed\ninterface IFoo {}\n",
        "ERROR: a/IFoo.aidl:2:1: unterminated comment",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo { void f(int x#); }\n",
        "ERROR: a/IFoo.aidl:2:30: syntax error, unexpected character '#'",
    ),
    (
        "a/IFoo.aidl",
        "package a;\nstruct IFoo {}\n",
        "ERROR: a/IFoo.aidl:2:1: syntax error, unexpected identifier 'struct', expecting 'parcelable', 'interface', 'enum' or 'union'",
    ),
    // Files and packages.
    (
        "a/Foo.aidl",
        "package a; interface IBar {}",
        "ERROR: a/Foo.aidl:1:22: IBar should be declared in a file called a/IBar.aidl",
    ),
    (
        "b/IBar.aidl",
        "package a; interface IBar {}",
        "ERROR: b/IBar.aidl:1:22: IBar should be declared in a file called a/IBar.aidl",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {}\nparcelable P {}\n",
        "ERROR: a/IFoo.aidl:3:12: You must declare only one type per file.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\nimport b.Missing;\ninterface IFoo {}\n",
        "ERROR: a/IFoo.aidl:2:8: Couldn't find import for class b.Missing",
    ),
    // Types.
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    Bar get();\n}\n",
        "ERROR: a/IFoo.aidl:3:5: Failed to resolve 'Bar'",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(@nullable int x);\n}\n",
        "ERROR: a/IFoo.aidl:3:22: Primitive type cannot get nullable annotation",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(@Bogus int x);\n}\n",
        "ERROR: a/IFoo.aidl:3:12: 'Bogus' is not a recognized annotation.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(in List<int> x);\n}\n",
        "ERROR: a/IFoo.aidl:3:15: A generic type cannot have any primitive type parameters.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(in Map m);\n}\n",
        "ERROR: a/IFoo.aidl:3:15: 'Map' is not supported by the Rust backend.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(void v);\n}\n",
        "ERROR: a/IFoo.aidl:3:12: 'void' is not a valid type here.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(in int[0] x);\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Array size must be a positive number: 0",
    ),
    // Methods.
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f();\n    int f();\n}\n",
        "ERROR: a/IFoo.aidl:4:9: attempt to redefine method f:",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n  void foo() = 3;\n  void bar() = 3;\n}\n",
        "ERROR: a/IFoo.aidl:4:8: Found duplicate method id (3) for method bar",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n  void foo() = 3;\n  void bar();\n}\n",
        "ERROR: a/IFoo.aidl:4:8: You must either assign id's to all methods or to none of them.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n  void foo() = 16777115;\n}\n",
        "ERROR: a/IFoo.aidl:3:8: Found out of bounds id (16777115) for method foo. Value for id must be between 0 and 16777114 inclusive.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    oneway void f(out int[] bar);\n}\n",
        "ERROR: a/IFoo.aidl:3:17: oneway method 'f' cannot have out parameters",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    oneway int f();\n}\n",
        "ERROR: a/IFoo.aidl:3:16: oneway method 'f' cannot return a value",
    ),
    (
        "a/IFoo.aidl",
        "package a;\noneway interface IFoo {\n    String name();\n}\n",
        "ERROR: a/IFoo.aidl:3:12: oneway method 'name' cannot return a value",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(int x, int x);\n}\n",
        "ERROR: a/IFoo.aidl:3:10: method 'f' has duplicate argument name 'x'",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(int[] x);\n}\n",
        "ERROR: a/IFoo.aidl:3:18: 'int[]' can be an out type, so you must declare it as in, out, or inout.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    void f(out String s);\n}\n",
        "ERROR: a/IFoo.aidl:3:23: 'out String s' can't be an out parameter.",
    ),
    // Constants.
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = 2147483647 + 1;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Constant expression computation overflows.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = 1 << 32;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Constant expression computation overflows.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const long X = -(-9223372036854775807 - 1);\n}\n",
        "ERROR: a/IFoo.aidl:3:20: Constant expression computation overflows.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = 1 / 0;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Cannot do division operation with zero for expression: 1/0",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = 7 % (3 - 3);\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Cannot do division operation with zero for expression: 7%3-3",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const byte B = 128;\n}\n",
        "ERROR: a/IFoo.aidl:3:20: Invalid type specifier for an int32 literal: byte (128). Did you mean: 128u8?",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = \"one\";\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Invalid type specifier for a literal string: int (\"one\").",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const String S = \"a\" - \"b\";\n}\n",
        "ERROR: a/IFoo.aidl:3:22: Only '+' is supported for strings, not '-'.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = 1 + \"b\";\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Cannot perform operation '+' on a literal string and an int8 literal.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = ~true;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Bitwise negation of a boolean expression is always true.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = Y + 1;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Can't find Y in IFoo",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const int X = Y;\n    const int Y = X;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Found a circular reference in a constant expression\nERROR: a/IFoo.aidl:4:19: Found a circular reference in a constant expression",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const boolean B = true;\n}\n",
        "ERROR: a/IFoo.aidl:3:19: Constant of type boolean is not supported.",
    ),
    (
        "a/IFoo.aidl",
        "package a;\ninterface IFoo {\n    const String S = \"tab\\there\";\n}\n",
        "ERROR: a/IFoo.aidl:3:22: Found invalid character '\\' at index 3 in string constant '\"tab\\there\"'",
    ),
    // Parcelables, unions, enums.
    (
        "a/P.aidl",
        "package a;\nparcelable P {\n    int[2] pair = {1, 2, 3};\n}\n",
        "ERROR: a/P.aidl:3:19: Expected an array of 2 elements, but found one with 3 elements",
    ),
    (
        "a/P.aidl",
        "package a;\nparcelable P {\n    int x;\n    long x;\n}\n",
        "ERROR: a/P.aidl:4:10: 'x' is already declared.",
    ),
    (
        "a/U.aidl",
        "package a;\nunion U {\n}\n",
        "ERROR: a/U.aidl:2:7: The union 'U' has no fields.",
    ),
    (
        "a/E.aidl",
        "package a;\n@Backing(type=\"short\")\nenum E { A }\n",
        "ERROR: a/E.aidl:2:1: Invalid backing type: short. Backing type must be one of: byte, int, long",
    ),
    (
        "a/E.aidl",
        "package a;\nenum E { A = 100, B = 200 }\n",
        "ERROR: a/E.aidl:2:23: Invalid type specifier for an int32 literal: byte (200). Did you mean: 200u8?",
    ),
    (
        "a/P.aidl",
        "package a;\nparcelable P;\n",
        "ERROR: a/P.aidl:2:12: Refusing to generate code with unstructured parcelables. Declared parcelables should be in their own file and/or cannot be used with --structured interfaces.",
    ),
    (
        "a/P.aidl",
        "package a;\n@FixedSize parcelable P { int x; }\n",
        "ERROR: a/P.aidl:2:23: @FixedSize parcelables are not supported by binder-aidl yet.",
    ),
];

#[test]
fn each_bad_input_gets_its_error() {
    let mut failures = Vec::new();
    for (i, (file, text, expected)) in CASES.iter().enumerate() {
        // The unstructured parcelable case is an error only with --structured.
        let structured = text.contains("parcelable P;");
        let got = error_of(&[(file, text)], structured);
        if got != *expected {
            failures.push(format!(
                "case {i} ({file}):\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_type_of_another_package_needs_an_import() {
    let got = error_of(
        &[
            (
                "a/IFoo.aidl",
                "package a;\ninterface IFoo {\n    void f(in Bar b);\n}\n",
            ),
            ("b/Bar.aidl", "package b;\nparcelable Bar { int x; }\n"),
        ],
        false,
    );
    assert_eq!(got, "ERROR: a/IFoo.aidl:3:15: Failed to resolve 'Bar'");
}

#[test]
fn errors_in_imported_files_name_the_imported_file() {
    let got = error_of(
        &[
            (
                "a/IFoo.aidl",
                "package a;\nimport b.Bar;\ninterface IFoo {\n    void f(in Bar b);\n}\n",
            ),
            ("b/Bar.aidl", "package b;\nparcelable Bar { Baz x; }\n"),
        ],
        false,
    );
    assert_eq!(got, "ERROR: b/Bar.aidl:2:18: Failed to resolve 'Baz'");
}

#[test]
fn an_enum_field_needs_an_enumerator() {
    let got = error_of(
        &[
            ("a/P.aidl", "package a;\nparcelable P {\n    E e = 3;\n}\n"),
            ("a/E.aidl", "package a;\nenum E { A, B }\n"),
        ],
        false,
    );
    assert_eq!(got, "ERROR: a/P.aidl:3:11: Invalid value (3) for enum a.E");
}

#[test]
fn an_unstructured_parcelable_needs_a_rust_type() {
    let got = error_of(
        &[
            (
                "a/IFoo.aidl",
                "package a;\nimport a.P;\ninterface IFoo {\n    void f(in P p);\n}\n",
            ),
            ("a/P.aidl", "package a;\nparcelable P;\n"),
        ],
        false,
    );
    assert_eq!(
        got,
        "ERROR: a/IFoo.aidl:4:15: Parcelable a.P has no rust_type defined."
    );
}

#[test]
fn good_input_next_to_the_cases_compiles() {
    // The harness itself: a correct file in the same layout compiles.
    let dir = TempDir::new();
    let p = dir.0.join("a/IFoo.aidl");
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(
        &p,
        "package a;\ninterface IFoo {\n    const int X = 1 << 30;\n    void f(in int[] x);\n}\n",
    )
    .unwrap();
    let compiled = compile(&Options {
        includes: vec![dir.0.clone()],
        sources: vec![p],
        ..Options::default()
    })
    .unwrap();
    assert_eq!(compiled.files.len(), 1);
    assert!(compiled.files[0]
        .contents
        .contains("pub const r#X: i32 = 1073741824;"));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "package a;\ninterface IFoo {{\n    const int X = {}1{};\n}}\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let got = error_of(&[("a/IFoo.aidl", &deep)], false);
    assert_eq!(
        got,
        "ERROR: a/IFoo.aidl:3:82: constant expression nested too deeply"
    );
    let types = format!(
        "package a;\nparcelable P {{\n    {}String{} x;\n}}\n",
        "List<".repeat(5000),
        ">".repeat(5000)
    );
    let got = error_of(&[("a/P.aidl", &types)], false);
    assert!(got.ends_with(": type nested too deeply"), "{got}");
}

#[test]
fn every_prefix_of_a_valid_file_is_handled_without_panicking() {
    // Truncated files (an editor saving half a file) must give an error, never a panic.
    let dir = TempDir::new();
    let golden = std::path::Path::new("tests/golden/input");
    for name in ["sim/golden/Point.aidl", "sim/golden/Outer.aidl"] {
        let text = std::fs::read_to_string(golden.join(name)).unwrap();
        let target = dir.0.join(name);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let mut errors = 0;
        for cut in (0..text.len()).filter(|c| text.is_char_boundary(*c)) {
            std::fs::write(&target, &text[..cut]).unwrap();
            let r = compile(&Options {
                includes: vec![golden.into()],
                sources: vec![target.clone()],
                ..Options::default()
            });
            if r.is_err() {
                errors += 1;
            }
        }
        assert!(errors > text.len() / 2, "{name}: {errors} errors");
    }
}

#[test]
fn types_of_the_same_package_are_found_without_an_import() {
    let dir = TempDir::new();
    for (rel, text) in [
        (
            "a/IFoo.aidl",
            "package a;\ninterface IFoo {\n    Bar get();\n    Baz.Inner nested();\n}\n",
        ),
        (
            "a/Bar.aidl",
            "package a;\nparcelable Bar { int x = Baz.Inner.LIMIT; }\n",
        ),
        (
            "a/Baz.aidl",
            "package a;\nparcelable Baz { parcelable Inner { const int LIMIT = 9; } }\n",
        ),
    ] {
        let p = dir.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    let compiled = compile(&Options {
        includes: vec![dir.0.clone()],
        sources: vec![dir.0.join("a/IFoo.aidl")],
        ..Options::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    // Only the source is generated; its imports are read, not generated.
    assert_eq!(compiled.files.len(), 1);
    assert_eq!(compiled.inputs.len(), 3);
    let text = &compiled.files[0].contents;
    assert!(text.contains("binder::Result<crate::mangled::_1_a_3_Bar>"));
    assert!(text.contains("binder::Result<crate::mangled::_1_a_3_Baz_5_Inner>"));
}
