/** A to-do list: each line a link to where the work is done; urgent lines first. */
import { RouteLink } from '../../shell/router.js';
import { EmptyState } from '../../shell/components.js';
import type { ToDo } from './to-do.js';
import { useStyles } from './styles.js';

export function ToDoList(props: { items: ToDo[]; nothing: string }) {
  const styles = useStyles();
  if (props.items.length === 0) return <EmptyState title={props.nothing} />;
  return (
    <ul className={styles.list} aria-label="To do">
      {props.items.map((item) => (
        <li key={item.key} className={item.urgent ? styles.urgent : undefined}>
          <RouteLink to={item.to}>{item.text}</RouteLink>
        </li>
      ))}
    </ul>
  );
}
