package dev.baton.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keyset paging of an entity with time-ordered (UUIDv7) string ids, newest first: equality filters
 * on some fields, then {@code id < cursor}. The first filter in use leads the ORDER BY, so a {@code
 * (field, id DESC)} index serves the page.
 */
public final class NewestFirst {

    /** One page and the cursor of the next (null on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {}

    private NewestFirst() {}

    /**
     * Up to {@code limit} rows of {@code entity} after {@code cursor}; {@code filters} maps a field to
     * its value (null: not filtered), in the order their indexes should be preferred.
     */
    public static <T> Page<T> page(
            EntityManager em,
            Class<T> entity,
            Map<String, Object> filters,
            int limit,
            String cursor,
            Function<T, String> id) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM ")
                .append(entity.getSimpleName())
                .append(" e WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        String lead = "";
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            if (filter.getValue() != null) {
                jpql.append(" AND e.").append(filter.getKey()).append(" = :").append(filter.getKey());
                params.put(filter.getKey(), filter.getValue());
                lead = lead.isEmpty() ? "e." + filter.getKey() + ", " : lead;
            }
        }
        if (cursor != null) {
            jpql.append(" AND e.id < :cursor");
            params.put("cursor", cursor);
        }
        jpql.append(" ORDER BY ").append(lead).append("e.id DESC");
        TypedQuery<T> query = em.createQuery(jpql.toString(), entity).setMaxResults(limit + 1);
        params.forEach(query::setParameter);
        List<T> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = id.apply(rows.get(rows.size() - 1));
        }
        return new Page<>(rows, next);
    }
}
