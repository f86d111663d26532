import type { StoryRepo } from '../store/port.js';

/** The part of the store story matching needs: an inverted index of keys and a sketch per article. */
export type StoryIndex = Pick<StoryRepo, 'addIndexKeys' | 'findByIndexKeys' | 'putSketch' | 'getSketches'>;
