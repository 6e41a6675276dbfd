package io.gridshift.agent.site;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** The site adapter factories on the class path, by name. */
public final class SiteAdapterFactories {
    private final Map<String, SiteAdapterFactory> byName;
    private final List<String> names;

    public SiteAdapterFactories(List<SiteAdapterFactory> factories) {
        Map<String, SiteAdapterFactory> map = new LinkedHashMap<>();
        for (SiteAdapterFactory f : factories) {
            SiteAdapterFactory before = map.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f);
            if (before != null) {
                throw new IllegalStateException(
                        "two site adapter factories are named '"
                                + f.name()
                                + "': "
                                + before.getClass().getName()
                                + " and "
                                + f.getClass().getName());
            }
        }
        this.byName = Map.copyOf(map);
        this.names = List.copyOf(map.keySet());
    }

    /** Every factory {@link ServiceLoader} finds with this class's class loader. */
    public static SiteAdapterFactories discover() {
        List<SiteAdapterFactory> found = new ArrayList<>();
        ServiceLoader.load(SiteAdapterFactory.class, SiteAdapterFactories.class.getClassLoader())
                .forEach(found::add);
        return new SiteAdapterFactories(found);
    }

    /** The known names, in the order found. */
    public List<String> names() {
        return names;
    }

    public List<SiteAdapterFactory> all() {
        List<SiteAdapterFactory> all = new ArrayList<>();
        for (String name : names) {
            all.add(byName.get(name));
        }
        return all;
    }

    /**
     * The factory called {@code name}; an unknown name fails naming {@code option} and the known
     * names.
     */
    public SiteAdapterFactory get(String option, String name) {
        SiteAdapterFactory f = byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new InvalidFieldException(
                    option,
                    "known_adapter",
                    name,
                    "unknown site adapter '"
                            + name.strip()
                            + "'; known: "
                            + String.join(", ", names)
                            + " (others need their jar on the class path)");
        }
        return f;
    }
}
