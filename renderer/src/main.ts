// placeholder until the app shell lands
