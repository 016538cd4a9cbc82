package sim.golden;

// No @Backing: a byte enum with implicit values.
enum Small {
    ZERO,
    ONE,
    TWO,
    MINUS = -1,
    AFTER_MINUS,
}
