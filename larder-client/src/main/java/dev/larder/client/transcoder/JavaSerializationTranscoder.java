package dev.larder.client.transcoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Stores {@link Serializable} objects with Java serialization and flags {@value
 * Flags#JAVA_SERIALIZED}, a bit pymemcache does not define: Python cannot read these values
 * (pymemcache hands them back as raw bytes), so use them only for data that stays among JVMs.
 *
 * <h2>Reading is filtered</h2>
 *
 * Deserializing bytes that someone else wrote into the cache can run code of any serializable
 * class on the classpath ("gadget chains"). Every read therefore goes through an {@link
 * ObjectInputFilter}, and a class the filter does not allow raises {@link TranscodingException}
 * before any of its code runs. The {@linkplain #JavaSerializationTranscoder() default} is {@link
 * #standardFilter standardFilter()}: JDK value classes only. Allow your own classes with {@link
 * #standardFilter(String...) standardFilter("com.example.model.*")}, or pass any filter you build.
 */
public final class JavaSerializationTranscoder implements Transcoder<Serializable> {
  /**
   * The limits and JDK packages every {@link #standardFilter(String...)} allows: graphs at most 20
   * deep, 1,000,000 objects, arrays of at most 1,048,576 elements; classes in {@code java.lang},
   * {@code java.util} (collections, not subpackages), {@code java.time} and {@code java.math}. The
   * final {@code !*} rejects everything else.
   */
  public static final String STANDARD_FILTER =
      "maxdepth=20;maxrefs=1000000;maxarray=1048576;java.lang.*;java.util.*;java.time.*;java.math.*;!*";

  private final ObjectInputFilter filter;

  /** Reads with {@link #standardFilter standardFilter()}: JDK value classes only. */
  public JavaSerializationTranscoder() {
    this(standardFilter());
  }

  /**
   * Reads through {@code filter}; a class it rejects or leaves undecided is refused (see {@link
   * ObjectInputFilter#rejectUndecidedClass}).
   *
   * @param filter decides which classes and graph sizes may be deserialized
   */
  public JavaSerializationTranscoder(ObjectInputFilter filter) {
    if (filter == null) {
      throw new IllegalArgumentException("filter: null (expected: an ObjectInputFilter)");
    }
    this.filter = ObjectInputFilter.rejectUndecidedClass(filter);
  }

  /**
   * A filter that allows the JDK value classes of {@link #STANDARD_FILTER} and the classes matched
   * by {@code allowedPatterns}, and rejects all others.
   *
   * @param allowedPatterns {@link ObjectInputFilter.Config#createFilter} class patterns, such as
   *     {@code "com.example.model.*"} (one package) or {@code "com.example.**"} (with subpackages)
   * @return the filter to pass to {@link #JavaSerializationTranscoder(ObjectInputFilter)}
   */
  public static ObjectInputFilter standardFilter(String... allowedPatterns) {
    String extra = allowedPatterns.length == 0 ? "" : String.join(";", allowedPatterns) + ";";
    return ObjectInputFilter.Config.createFilter(extra + STANDARD_FILTER);
  }

  @Override
  public CachedData encode(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new TranscodingException("cannot serialize " + value.getClass().getName(), e);
    }
    return new CachedData(Flags.JAVA_SERIALIZED, bytes.toByteArray());
  }

  @Override
  public Serializable decode(CachedData data) {
    if (data.flags() != Flags.JAVA_SERIALIZED) {
      throw Flags.unexpected(data.flags(), Flags.JAVA_SERIALIZED + ", Java serialization");
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data.bytes()))) {
      in.setObjectInputFilter(filter);
      // Whatever a serialization stream holds is Serializable (or Externalizable, a subtype).
      return (Serializable) in.readObject();
    } catch (InvalidClassException e) {
      throw new TranscodingException(
          "class refused by the ObjectInputFilter, or not the stored version: " + e.getMessage(), e);
    } catch (IOException | ClassNotFoundException e) {
      throw new TranscodingException("cannot deserialize the stored value", e);
    }
  }
}
