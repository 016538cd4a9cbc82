package sim.golden;

parcelable Outer {
    enum Level { LOW, HIGH }

    parcelable Inner {
        const int LIMIT = 3;
        Level level = Level.HIGH;
        int count = Inner.LIMIT;
    }

    union Either {
        Inner inner;
        Level level;
    }

    interface IWatcher {
        void onChange(in Inner inner, Level level);
        Either either();
    }

    Inner inner;
    Outer.Inner[] inners;
    Either choice;
    @nullable IWatcher watcher;
}
