package sim.golden;

/** Colours, backed by an int. */
@Backing(type="int")
enum Color {
    RED = 1,
    GREEN,
    BLUE = GREEN << 2,
    /** @deprecated use BLUE */
    NAVY = BLUE,
    WHITE = 0x7fffffff,
}
