package sim.golden;

@Backing(type="long")
enum Big {
    KILO = 1L << 10,
    TERA = 1L << 40,
    MAX = 0x7fffffffffffffff,
}
