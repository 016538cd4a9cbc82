package sim.golden;

// A name without AOSP's "I" prefix: the trait is still IPlain, the stub BnPlain.
interface Plain {
    void touch();
}
