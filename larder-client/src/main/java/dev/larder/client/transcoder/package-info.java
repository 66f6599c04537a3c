/**
 * Turning Java values into the bytes and 32-bit flags memcached stores, and back, with flags that
 * pymemcache's serde understands so Java and Python services can share values.
 *
 * <p>Start with {@link dev.larder.client.transcoder.SerdeTranscoder}, which picks the format by the
 * value's type as pymemcache does, and wrap it in a {@link
 * dev.larder.client.transcoder.CompressingTranscoder} to compress large values. The typed
 * transcoders ({@link dev.larder.client.transcoder.StringTranscoder}, {@link
 * dev.larder.client.transcoder.BytesTranscoder}, {@link
 * dev.larder.client.transcoder.DecimalTranscoder}, {@link
 * dev.larder.client.transcoder.JavaSerializationTranscoder}, {@link
 * dev.larder.client.transcoder.JsonTranscoder}) suit a cache whose values all have one type.
 *
 * <table>
 *   <caption>Flags ({@link dev.larder.client.transcoder.Flags}); 1 to 16 are pymemcache's
 *   {@code serde.FLAG_*}</caption>
 *   <tr><th>flags</th><th>format</th><th>pymemcache</th></tr>
 *   <tr><td>0</td><td>raw bytes</td>
 *       <td>{@code FLAG_BYTES}: written for and read as {@code bytes}</td></tr>
 *   <tr><td>1</td><td>Python pickle (Java refuses it)</td>
 *       <td>{@code FLAG_PICKLE}: any other Python value</td></tr>
 *   <tr><td>2</td><td>decimal ASCII integer</td>
 *       <td>{@code FLAG_INTEGER}: written for every Python 3 {@code int}</td></tr>
 *   <tr><td>4</td><td>decimal ASCII integer (Java {@code Long})</td>
 *       <td>{@code FLAG_LONG}: Python 2 longs; read as {@code int}</td></tr>
 *   <tr><td>+8</td><td>zlib-compressed, added to the format's flags (16 + 8 = 24)</td>
 *       <td>{@code FLAG_COMPRESSED}, set by {@code CompressedSerde} (pymemcache 4.0+)</td></tr>
 *   <tr><td>16</td><td>UTF-8 text</td>
 *       <td>{@code FLAG_TEXT}: written for and read as {@code str}</td></tr>
 *   <tr><td>256</td><td>Java serialization</td><td>undefined: read as the raw bytes</td></tr>
 *   <tr><td>512</td><td>JSON (UTF-8), via Jackson</td>
 *       <td>undefined: read as the raw bytes, ready for {@code json.loads}</td></tr>
 * </table>
 *
 * <p>All flags fit in 16 bits, so they survive servers that keep only 16 bits of flags.
 */
package dev.larder.client.transcoder;
