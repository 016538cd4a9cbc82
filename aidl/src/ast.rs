//! The parsed model: documents and an arena of declarations (nested types point at their
//! parent), filled in by the checker with resolved types and evaluated constants.

use crate::diag::Loc;

#[derive(Debug, Clone)]
pub struct Annotation {
    pub name: String,
    pub loc: Loc,
    /// `@Foo(x)` is stored as `("value", x)`.
    pub params: Vec<(String, Expr)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArrayKind {
    None,
    Dynamic,
    /// `T[N][M]`: one expression per dimension, outermost first.
    Fixed(Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// A built-in type name (`int`, `String`, `List`, `IBinder`, ...).
    Builtin,
    /// An index into `Model::decls`.
    Defined(usize),
}

#[derive(Debug, Clone)]
pub struct TypeSpec {
    /// The name as written: `int`, `List`, `a.b.Foo`, `Foo.Inner`.
    pub name: String,
    pub loc: Loc,
    pub annotations: Vec<Annotation>,
    pub params: Vec<TypeSpec>,
    pub array: ArrayKind,
    pub resolved: Option<Resolved>,
    /// The evaluated dimensions of a fixed-size array.
    pub dims: Vec<usize>,
}

impl TypeSpec {
    pub fn simple(name: &str, loc: Loc) -> TypeSpec {
        TypeSpec {
            name: name.to_string(),
            loc,
            annotations: Vec::new(),
            params: Vec::new(),
            array: ArrayKind::None,
            resolved: Some(Resolved::Builtin),
            dims: Vec::new(),
        }
    }
    pub fn has_annotation(&self, name: &str) -> bool {
        self.annotations.iter().any(|a| a.name == name)
    }
    pub fn is_nullable(&self) -> bool {
        self.has_annotation("nullable")
    }
    pub fn is_heap_nullable(&self) -> bool {
        self.annotations.iter().any(|a| {
            a.name == "nullable"
                && a.params
                    .iter()
                    .any(|(k, v)| k == "heap" && matches!(v.kind, ExprKind::Bool(true)))
        })
    }
    pub fn is_array(&self) -> bool {
        self.array != ArrayKind::None
    }
    pub fn is_dynamic_array(&self) -> bool {
        self.array == ArrayKind::Dynamic
    }
    pub fn is_fixed_array(&self) -> bool {
        matches!(self.array, ArrayKind::Fixed(_))
    }
    pub fn defined(&self) -> Option<usize> {
        match self.resolved {
            Some(Resolved::Defined(d)) => Some(d),
            _ => None,
        }
    }
    pub fn is_builtin(&self) -> bool {
        self.resolved == Some(Resolved::Builtin)
    }
    /// The type as written in AIDL, for messages (`List<String>`, `int[]`).
    pub fn to_aidl_string(&self) -> String {
        let mut s = self.name.clone();
        if !self.params.is_empty() {
            let p: Vec<String> = self.params.iter().map(|p| p.to_aidl_string()).collect();
            s = format!("{s}<{}>", p.join(","));
        }
        match &self.array {
            ArrayKind::None => {}
            ArrayKind::Dynamic => s.push_str("[]"),
            ArrayKind::Fixed(dims) => {
                for d in dims {
                    s.push_str(&format!("[{}]", d.text));
                }
            }
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Int(String),
    Float(String),
    Char(String),
    Str(String),
    Bool(bool),
    Array(Vec<Expr>),
    /// `NAME`, `Type.NAME` or `a.b.Type.NAME`.
    Ref(String),
    Unary(&'static str, Box<Expr>),
    Binary(&'static str, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
    /// AOSP's `value_`: the source of the expression with operands glued to operators.
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub loc: Loc,
    pub ty: TypeSpec,
    pub default: Option<Expr>,
    pub deprecated: Option<String>,
    /// Filled by the checker: the default value as Rust (explicit, or AOSP's implicit one
    /// for primitives).
    pub value: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ConstDecl {
    pub name: String,
    pub loc: Loc,
    pub ty: TypeSpec,
    pub expr: Expr,
    pub deprecated: Option<String>,
    /// Filled by the checker: the value as a Rust constant expression.
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
    InOut,
}

#[derive(Debug, Clone)]
pub struct Arg {
    pub name: String,
    pub loc: Loc,
    /// `None` when the direction was not written (it then means `in`).
    pub direction: Option<Direction>,
    pub ty: TypeSpec,
}

impl Arg {
    pub fn is_in(&self) -> bool {
        matches!(
            self.direction,
            None | Some(Direction::In | Direction::InOut)
        )
    }
    pub fn is_out(&self) -> bool {
        matches!(self.direction, Some(Direction::Out | Direction::InOut))
    }
}

#[derive(Debug, Clone)]
pub struct Method {
    pub name: String,
    pub loc: Loc,
    pub oneway: bool,
    pub ret: TypeSpec,
    pub args: Vec<Arg>,
    pub id: Option<i64>,
    pub deprecated: Option<String>,
    /// False for the meta methods (`getInterfaceVersion`, `getInterfaceHash`).
    pub user_defined: bool,
}

#[derive(Debug, Clone)]
pub struct Enumerator {
    pub name: String,
    pub loc: Loc,
    pub value: Option<Expr>,
    pub deprecated: Option<String>,
    /// Filled by the checker: the value in the backing type.
    pub evaluated: String,
}

#[derive(Debug, Clone)]
pub enum DeclKind {
    Parcelable {
        fields: Vec<Field>,
        type_params: Vec<String>,
    },
    /// `parcelable Foo;`, implemented by hand in each language.
    Unstructured {
        rust_type: Option<String>,
    },
    Interface {
        oneway: bool,
        methods: Vec<Method>,
    },
    Enum {
        enumerators: Vec<Enumerator>,
    },
    Union {
        fields: Vec<Field>,
    },
}

#[derive(Debug, Clone)]
pub struct Decl {
    pub name: String,
    /// `package.Outer.Name`.
    pub canonical: String,
    pub loc: Loc,
    pub doc: usize,
    pub parent: Option<usize>,
    pub nested: Vec<usize>,
    pub annotations: Vec<Annotation>,
    pub deprecated: Option<String>,
    pub kind: DeclKind,
    pub consts: Vec<ConstDecl>,
}

impl Decl {
    pub fn has_annotation(&self, name: &str) -> bool {
        self.annotations.iter().any(|a| a.name == name)
    }
    pub fn annotation(&self, name: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.name == name)
    }
    pub fn is_interface(&self) -> bool {
        matches!(self.kind, DeclKind::Interface { .. })
    }
    pub fn is_enum(&self) -> bool {
        matches!(self.kind, DeclKind::Enum { .. })
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given (or as found under an include directory).
    pub path: String,
    pub package: String,
    pub imports: Vec<(String, Loc)>,
    pub decls: Vec<usize>,
    /// True for the files asked for; false for files loaded only to resolve imports.
    pub generate: bool,
}

#[derive(Debug, Default, Clone)]
pub struct Model {
    pub docs: Vec<Document>,
    pub decls: Vec<Decl>,
}
