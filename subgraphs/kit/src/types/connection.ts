import { BadUserInputError } from '@kh02/common';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';

/** Relay page information, shared by every subgraph's connections. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in a list (Relay connection specification).' })
export class PageInfo {
  @Field({ description: 'True when there are more items after `endCursor`.' })
  hasNextPage: boolean;

  @Field({ description: 'True when there are items before `startCursor`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after` to get the next page. Null for an empty page.' })
  endCursor: string | null;
}

/** The largest page any connection returns; asking for more is a `BAD_USER_INPUT` error. */
export const MAX_PAGE_SIZE = 500;
/** The page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

/** The description of `first` on every connection, from the limits {@link pageRequest} enforces. */
export const FIRST_DESCRIPTION = `Page size, 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}. Outside 1..${MAX_PAGE_SIZE}: a BAD_USER_INPUT error naming "first".`;
/** The description of `after` on every connection. */
export const AFTER_DESCRIPTION =
  'Return the items after this cursor (an `endCursor`, or an edge\'s `cursor`, from this list); default: from the start. Any other value: a BAD_USER_INPUT error naming "after".';

/** The paging arguments of every connection: `first` and `after` (Relay forward paging). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string;
}

const CURSOR_PREFIX = 'kh02:';

/** Opaque cursor for a position (0-based offset) in an ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is the caller's error. */
export function decodeCursor(cursor: string, argument = 'after'): number {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^kh02:(\d{1,9})$/.exec(text);
  if (!match) throw new BadUserInputError(`Argument "${argument}" is not a valid cursor: pass an endCursor or cursor value returned by this list.`, argument);
  return Number(match[1]);
}

/** A validated page request: skip `offset` items, return at most `limit`. */
export interface PageRequest {
  offset: number;
  limit: number;
}

/** Validates `first`/`after` and turns them into an offset and limit. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined, max = MAX_PAGE_SIZE): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new BadUserInputError(`Argument "first" must be between 1 and ${max} (got ${first}).`, 'first', { min: 1, max });
  }
  const offset = after == null ? 0 : decodeCursor(after, 'after') + 1;
  return { offset, limit };
}

/** One page of an ordered list, ready to be returned by a connection resolver. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Slices a page out of an ordered list that is already fully known (`items` = the whole list). */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  return pageFromSlice(items.slice(request.offset, request.offset + request.limit), request, items.length);
}

/** Builds a page from the rows of one page and the total size of the list. */
export function pageFromSlice<T>(rows: readonly T[], request: PageRequest, totalCount: number): Page<T> {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(request.offset + i), node }));
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = request.offset + rows.length < totalCount;
  pageInfo.hasPreviousPage = request.offset > 0;
  pageInfo.startCursor = edges[0]?.cursor ?? null;
  pageInfo.endCursor = edges[edges.length - 1]?.cursor ?? null;
  return { edges, pageInfo, totalCount };
}

type Constructor<T = object> = new () => T;

/**
 * Makes the `<Name>Connection` and `<Name>Edge` object types for a node type, so every list
 * in the graph has the same Relay shape: `edges { cursor node }`, `pageInfo`, `totalCount`.
 */
export function createConnectionType<T extends object>(nodeType: Constructor<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural} (Relay connection).` })
  class Connection {
    @Field(() => [Edge], { description: `The ${plural} of this page, in the requested order.` })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match the filter in all pages together.` })
    totalCount: number;
  }
  return Connection;
}
