// The interface both minimal examples speak.
libbinder::declare_binder_interface! {
    IEcho["com.example.IEcho"] {
        native: BnEcho, proxy: BpEcho;
        fn echo(&self, s: String) -> String;
    }
}
