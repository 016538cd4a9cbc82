package sim.golden;

interface IContainer {
    const int DEFAULT_STATUS = Status.READY;

    enum Status { IDLE, READY = 4, DONE }

    parcelable Item {
        Status status = Status.READY;
        @nullable String label;
    }

    oneway interface IObserver {
        void onItem(in Item item);
    }

    Item get(Status status);
    Item[] all();
    void observe(IObserver observer);
}
