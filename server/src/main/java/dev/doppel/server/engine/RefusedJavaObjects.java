package dev.doppel.server.engine;

import org.h2.api.JavaObjectSerializer;

/**
 * The engine's serializer for its JAVA_OBJECT values: refuses both ways. MySQL has no such type, and turning bytes a
 * client sent into Java objects is how a value becomes code.
 */
public final class RefusedJavaObjects implements JavaObjectSerializer {

    @Override
    public byte[] serialize(Object value) {
        throw new UnsupportedOperationException("Java objects are not stored");
    }

    @Override
    public Object deserialize(byte[] bytes) {
        throw new UnsupportedOperationException("Java objects are not read");
    }
}
