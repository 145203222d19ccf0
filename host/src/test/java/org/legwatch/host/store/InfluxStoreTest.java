package org.legwatch.host.store;

import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InfluxServer.class)
class InfluxStoreTest extends StoreContractTest {
    private String url;

    @Override
    Store openStore() throws Exception {
        url = InfluxServer.freshDatabaseUrl();
        return Stores.open(url);
    }

    @Override
    Store reopenStore() throws Exception {
        return Stores.open(url);
    }
}
