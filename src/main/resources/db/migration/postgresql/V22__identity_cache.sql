-- H2 only (see the H2 migration of the same version): PostgreSQL hands out identity values
-- without a commit of their own, and a cache there would be per session, out of order.
SELECT 1;
