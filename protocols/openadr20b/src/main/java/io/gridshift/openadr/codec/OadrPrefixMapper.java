package io.gridshift.openadr.codec;

import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/** Gives written documents the prefixes of the OpenADR specification instead of ns1, ns2, ... */
final class OadrPrefixMapper extends NamespacePrefixMapper {
    @Override
    public String getPreferredPrefix(String namespaceUri, String suggestion, boolean required) {
        return OadrSchema.PREFIXES.getOrDefault(namespaceUri, suggestion);
    }
}
