//! A tree of 20 `.aidl` files of the kind a service crate has: interfaces, parcelables,
//! enums and unions in two packages, importing each other.

use std::path::{Path, PathBuf};

/// Writes the tree under `root` and returns the 20 files.
pub fn write_tree(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut put = |rel: String, text: String| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        files.push(p);
    };
    for i in 0..3 {
        put(
            format!("com/example/model/Kind{i}.aidl"),
            format!(
                "package com.example.model;\n@Backing(type=\"int\")\nenum Kind{i} {{ NONE, FIRST = 1 << {i}, SECOND, LAST = 0x7f }}\n"
            ),
        );
    }
    for i in 0..6 {
        put(
            format!("com/example/model/Record{i}.aidl"),
            format!(
                "package com.example.model;\nimport com.example.model.Kind{k};\nparcelable Record{i} {{\n    const int VERSION = {i} + 1;\n    int id;\n    long stamp = 1L << 33;\n    String name = \"record{i}\";\n    @nullable String note;\n    Kind{k} kind = Kind{k}.SECOND;\n    byte[] payload;\n    List<String> tags;\n    @nullable IBinder token;\n    int[4] quad;\n}}\n",
                k = i % 3
            ),
        );
    }
    for i in 0..3 {
        put(
            format!("com/example/model/Choice{i}.aidl"),
            format!(
                "package com.example.model;\nimport com.example.model.Record{i};\nunion Choice{i} {{\n    int number;\n    String text;\n    Record{i} record;\n    @nullable IBinder binder;\n}}\n"
            ),
        );
    }
    for i in 0..7 {
        put(
            format!("com/example/service/IService{i}.aidl"),
            format!(
                "package com.example.service;\nimport com.example.model.Record{r};\nimport com.example.model.Choice{c};\nimport com.example.model.Kind{k};\nimport com.example.service.IListener;\n\ninterface IService{i} {{\n    const String NAME = \"service{i}\";\n    Record{r} get(int id);\n    void put(in Record{r} record);\n    Record{r}[] list(in int[] ids, out int[] missing);\n    Choice{c} choose(Kind{k} kind, @nullable String hint);\n    void fill(inout Record{r} record);\n    ParcelFileDescriptor open(String path);\n    void listen(IListener listener);\n    oneway void notify(int code);\n    List<Record{r}> page(int offset, int count);\n}}\n",
                r = i % 6,
                c = i % 3,
                k = i % 3
            ),
        );
    }
    put(
        "com/example/service/IListener.aidl".into(),
        "package com.example.service;\noneway interface IListener {\n    void onEvent(int code, String message);\n}\n".into(),
    );
    assert_eq!(files.len(), 20);
    files
}
