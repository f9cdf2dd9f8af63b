package dev.doppel.server.plugin;

/**
 * The parent of every plugin library's class loader: it lets a plugin see the JDK and the plugin API
 * ({@code dev.doppel.plugin}) and nothing else of the server, so a plugin cannot reach server internals.
 */
final class ApiOnlyClassLoader extends ClassLoader {
    private static final String API_PACKAGE = "dev.doppel.plugin.";

    private final ClassLoader server;

    ApiOnlyClassLoader(ClassLoader server) {
        super("doppel-plugin-api", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE) && name.indexOf('.', API_PACKAGE.length()) < 0) {
            return server.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected java.net.URL findResource(String name) {
        return null;
    }
}
