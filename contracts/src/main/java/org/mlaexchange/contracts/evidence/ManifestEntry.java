package org.mlaexchange.contracts.evidence;

import java.util.UUID;
import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * One item as sealed in a dispatched transfer.
 *
 * @param sha256     lower-case hex SHA-256 of the content; {@code null} for a physical object
 * @param size       size of the content in bytes; {@code null} for a physical object
 * @param sealNumber {@code null} when the item carries no seal
 */
public record ManifestEntry(UUID itemId, ItemKind kind, @NotPersonal String sha256, Long size, @NotPersonal String sealNumber) {
}
