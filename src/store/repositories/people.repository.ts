import type { PeopleRepository } from '../../core/ports/conversation.ports.ts';
import type { Queryable } from '../db.ts';

export function createPeopleRepository(db: Queryable): PeopleRepository {
  return {
    async remember(user, displayName) {
      await db.query(
        `insert into analytics.people (user_id, display_name) values ($1, $2)
         on conflict (user_id) do update set display_name = excluded.display_name, updated_at = now()
         where analytics.people.display_name is distinct from excluded.display_name`,
        [user, displayName],
      );
    },
    async names(users) {
      const wanted = [...new Set(users.filter(Boolean))];
      if (wanted.length === 0) return new Map();
      const rows = await db.query<{ user_id: string; display_name: string }>(
        'select user_id, display_name from analytics.people where user_id = any($1::text[])',
        [wanted],
      );
      return new Map(rows.map((r) => [r.user_id, r.display_name]));
    },
  };
}
