import { GRID_COLUMNS, GRID_ROWS, TILE_POSITIONS } from './layout';
import { MEASURES, type Measure, type ProvinceRow } from './measures';

/** The 34 provinces as a grid cartogram (CSS grid), coloured by the chosen measure, with its legend. */
export function TileMap(props: { provinces: ProvinceRow[]; measure: Measure; selected?: string; onSelect(code: string): void }) {
  const spec = MEASURES[props.measure];
  return (
    <div className="tile-map-wrap">
      <div className="tile-map" style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, 1fr)`, gridTemplateRows: `repeat(${GRID_ROWS}, auto)` }}>
        {props.provinces.map((p) => {
          const at = TILE_POSITIONS[p.code];
          const colour = spec.colourOf(p);
          return (
            <button
              key={p.code}
              type="button"
              className={`tile${props.selected === p.code ? ' selected' : ''}`}
              data-province-code={p.code}
              style={{ gridRow: (at?.row ?? GRID_ROWS) + 1, gridColumn: (at?.col ?? 0) + 1, background: colour.colour, color: colour.ink }}
              title={`${p.name} — ${spec.label}: ${spec.valueOf(p)}`}
              aria-label={`${p.name}: ${spec.label} ${spec.valueOf(p)}`}
              aria-pressed={props.selected === p.code}
              onClick={() => props.onSelect(p.code)}
            >
              <span className="tile-name">{at?.short ?? p.name}</span>
              <span className="tile-value">{spec.valueOf(p)}</span>
            </button>
          );
        })}
      </div>
      <ul className="legend" aria-label={`Legend: ${spec.label}`}>
        {spec.legend.map((entry) => (
          <li key={entry.label}>
            <span className="swatch" style={{ background: entry.colour }} />
            {entry.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
