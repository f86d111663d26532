import type { Attribution } from './attribution.js';
import { type Discourse, type Gender, type Mention, paragraphIndex, personBySurname } from './discourse.js';
import { confirmBySurname, opensWithParticle, personBySuffix } from './discourse-model.js';
import { EAST_ASIAN_SURNAMES } from './lexicon/names.js';
import { brandLike, gazetteerExact } from './phrase.js';
import type { Speaker } from './quote.js';
import { documentAuthor } from './resolve-document.js';
import { combinedRole, memberRole, roleHasWord, spelledTitle } from './role-text.js';
import type { Tok } from './tokens.js';

/** A speaker already attributed, kept as a mention a later pronoun can refer to. */
interface SpeakerMention {
  s: number;
  sentence: number;
  speaker: Speaker;
  plural: boolean;
}

interface Candidate {
  s: number;
  /** Words used for it in the text (organisations). */
  surface: string;
  sentence: number;
  subject: boolean;
  key: string;
  gender: Gender;
  speaker: Speaker;
}

/** How far back (in paragraphs) a pronoun or "the company" may look for what it refers to. */
const PARAGRAPHS_BACK = 2;
/** And never more than this many characters back, whatever the paragraphs. */
const CHARS_BACK = 2500;

/**
 * Turns speaker phrases into speakers using what the article said before: surnames to full names,
 * pronouns to the last person they can refer to, "the company" to the organisation just named.
 * When the reference is ambiguous it answers null: a missing speaker beats a wrong one.
 */
export class SpeakerResolver {
  private readonly speakers: SpeakerMention[] = [];
  /** Organisations' descriptions from appositives, by name. */
  private readonly orgRoles = new Map<string, string>();

  constructor(
    private readonly toks: readonly Tok[],
    private readonly d: Discourse,
  ) {}

  private sentenceAt(pos: number): number {
    let lo = 0;
    let hi = this.toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.toks[mid]!.s <= pos) lo = mid;
      else hi = mid - 1;
    }
    return this.d.sentenceOf[lo] ?? 0;
  }

  /** Where a pronoun at `pos` may start looking for what it refers to. */
  windowStart(pos: number): number {
    const p = paragraphIndex(this.d, pos);
    return Math.max(this.d.paragraphStarts[Math.max(0, p - PARAGRAPHS_BACK)] ?? 0, pos - CHARS_BACK);
  }

  /** Mentions in [from, to), by binary search then a bounded walk. */
  private mentionsIn(from: number, to: number): Mention[] {
    const ms = this.d.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.s < from) lo = mid + 1;
      else hi = mid;
    }
    // The most recent 200 at most: what a pronoun can refer to is near it.
    let hiIdx = lo;
    while (hiIdx < ms.length && ms[hiIdx]!.s < to) hiIdx++;
    return ms.slice(Math.max(lo, hiIdx - 200), hiIdx);
  }

  /** Speakers attributed at offsets in [from, to), oldest first. Walks back from the newest only. */
  private recentSpeakers(from: number, to: number): SpeakerMention[] {
    const out: SpeakerMention[] = [];
    for (let i = this.speakers.length - 1; i >= 0 && out.length < 50; i--) {
      const sm = this.speakers[i]!;
      if (sm.s < from - 500) break;
      if (sm.s >= from && sm.s < to) out.push(sm);
    }
    return out.reverse();
  }

  private personSpeaker(name: string, role: string | null): Speaker {
    const canonical = gazetteerExact(name)?.kind === 'person' ? gazetteerExact(name)!.canonical : name;
    const p = this.d.persons.get(canonical) ?? this.d.persons.get(name);
    // A bare "Rep." read at the quote says less than the role the person was introduced with.
    const bare = role !== null && spelledTitle(role) !== null;
    return {
      name: canonical,
      role: (bare ? p?.role : null) ?? combinedRole(role, null) ?? p?.role ?? null,
      kind: 'person',
    };
  }

  private personCandidates(from: number, to: number): Candidate[] {
    const out: Candidate[] = [];
    for (const m of this.mentionsIn(from, to)) {
      if (m.kind === 'unnamed') {
        const speaker: Speaker = { name: null, role: m.surface, kind: 'unnamed' };
        out.push({
          s: m.s,
          surface: m.surface,
          sentence: m.sentence,
          subject: m.subject,
          key: m.key,
          gender: '',
          speaker,
        });
        continue;
      }
      if (m.kind !== 'person') continue;
      // "Asked about Lutnick's comments, he said": a possessive in the pronoun's own sentence is
      // what the speaker talks about, not who speaks.
      if (m.possessive && !m.subject && m.sentence === this.sentenceAt(to)) continue;
      const p = this.d.persons.get(m.key);
      out.push({
        s: m.s,
        surface: m.surface,
        sentence: m.sentence,
        subject: m.subject,
        key: m.key,
        gender: p?.gender ?? '',
        speaker: this.personSpeaker(m.key, null),
      });
    }
    for (const sm of this.recentSpeakers(from, to)) {
      if (sm.speaker.kind === 'organization' || sm.plural) continue;
      const key = sm.speaker.name ?? `unnamed:${sm.speaker.role}`;
      const gender = sm.speaker.name ? (this.d.persons.get(sm.speaker.name)?.gender ?? '') : '';
      out.push({
        s: sm.s,
        surface: key,
        sentence: sm.sentence,
        subject: true,
        key,
        gender,
        speaker: sm.speaker,
      });
    }
    return out.sort((a, b) => a.s - b.s);
  }

  private resolveHeShe(pronoun: 'he' | 'she', pos: number): Speaker | null {
    const cands = this.personCandidates(this.windowStart(pos), pos).filter(
      (c) => !c.gender || c.gender === pronoun,
    );
    let li = -1;
    for (let i = cands.length - 1; i >= 0; i--) {
      if (cands[i]!.subject) {
        li = i;
        break;
      }
    }
    if (li < 0) {
      // Nobody is a subject, but if only one person in the window could be meant, it is them.
      const keys = new Set(cands.map((c) => c.key));
      if (keys.size !== 1) return null;
      li = cands.length - 1;
    }
    const L = cands[li]!;
    for (const c of cands) {
      if (c.key === L.key) continue;
      if (c.sentence === L.sentence && c.subject) return null; // two subjects: "Su and Huang ..."
      if (c.s > L.s && c.sentence !== L.sentence) return null; // someone else named since
    }
    if (L.speaker.kind === 'person' && L.speaker.name) {
      const p = this.d.persons.get(L.speaker.name);
      if (p && !p.gender) p.gender = pronoun;
    }
    return L.speaker;
  }

  private orgCandidates(from: number, to: number, type: 'company' | 'agency' | 'any'): Candidate[] {
    const fits = (t: string, name: string) =>
      type === 'any' ||
      (type === 'agency'
        ? t === 'agency' || /ministry|department|agency|bureau|commission|administration|office/i.test(name)
        : t !== 'agency' && t !== 'media');
    const out: Candidate[] = [];
    for (const m of this.mentionsIn(from, to)) {
      if (m.kind === 'org' && fits(m.type, m.key)) {
        out.push({
          s: m.s,
          surface: m.surface,
          sentence: m.sentence,
          subject: m.subject,
          key: m.key,
          gender: '',
          speaker: { name: m.key, role: null, kind: 'organization' },
        });
      }
    }
    for (const sm of this.recentSpeakers(from, to)) {
      if (sm.speaker.kind === 'organization' && sm.speaker.name && fits('', sm.speaker.name)) {
        out.push({
          s: sm.s,
          surface: sm.speaker.name,
          sentence: sm.sentence,
          subject: true,
          key: sm.speaker.name,
          gender: '',
          speaker: { ...sm.speaker, role: null },
        });
      }
    }
    return out.sort((a, b) => a.s - b.s);
  }

  /** "the company", "the ministry", "it": the organisation just named, if only one fits. */
  private resolveOrgAnaphor(
    type: 'company' | 'agency' | 'any',
    pos: number,
    subjectOnly: boolean,
    head = '',
  ): Speaker | null {
    let cands = this.orgCandidates(this.windowStart(pos), pos, type).filter((c) => !subjectOnly || c.subject);
    // "the ministry" prefers the organisation that was called a ministry.
    const named = head ? cands.filter((c) => c.surface.toLowerCase().includes(head)) : [];
    if (named.length > 0) cands = named;
    const last = cands[cands.length - 1];
    if (!last) return null;
    for (const c of cands) if (c.key !== last.key && c.sentence === last.sentence) return null;
    // A person named after the organisation makes "it" less certain, unless that organisation is the
    // only one in the window ("Tokyo Electron said ... Its CFO said ... "...," it said").
    if (
      subjectOnly &&
      this.personCandidates(last.s + 1, pos).some((c) => c.subject) &&
      new Set(this.orgCandidates(this.windowStart(pos), pos, type).map((c) => c.key)).size > 1
    )
      return null;
    return last.speaker;
  }

  private resolveThey(pos: number): Speaker | null {
    const from = this.windowStart(pos);
    const recent = this.recentSpeakers(from, pos);
    const last = recent[recent.length - 1];
    if (!last || !(last.plural || last.speaker.kind === 'organization')) return null;
    if (this.personCandidates(last.s + 1, pos).some((c) => c.subject)) return null;
    return last.speaker;
  }

  private resolveSingle(word: string, role: string | null, pos: number): Speaker | null {
    if (word.includes(' ')) {
      // "von der Heyde": only the person whose name ends so.
      const p = personBySuffix(this.d, word, pos);
      return p ? this.personSpeaker(p.name, role) : null;
    }
    const persons = (this.d.byNameWord.get(word) ?? []).filter((q) => q.firstSeen < pos);
    const p = personBySurname(persons, word);
    if (p) return this.personSpeaker(p.name, role);
    if (persons.some((q) => q.first === word || q.last === word)) return null; // two people share it
    const confirmed = confirmBySurname(this.d, word, pos);
    if (confirmed) return this.personSpeaker(confirmed.name, role);
    const g = gazetteerExact(word);
    if (g?.kind === 'person') return this.personSpeaker(g.canonical, role);
    if (g?.kind === 'firm') return { name: g.canonical, role: null, kind: 'organization' };
    // Brand-like words (ICwise, TrendForce, SEMI) are organisations; a bare unknown surname is not guessed.
    if (brandLike(word)) return { name: word, role: null, kind: 'organization' };
    for (const [key, first] of this.d.orgs) {
      if (first < pos && key.startsWith(`${word} `)) return { name: key, role: null, kind: 'organization' };
    }
    // A common East Asian family name with nobody else to match is a person the article calls that
    // way ("said Deng", for a shop owner who gave only her surname).
    if (EAST_ASIAN_SURNAMES.has(word.toLowerCase())) return { name: word, role, kind: 'person' };
    return null;
  }

  /** "one of them": one of the group of unnamed sources attributed last, if there is one. */
  private resolveOneOf(group: string, pos: number): Speaker | null {
    const recent = this.recentSpeakers(this.windowStart(pos), pos);
    const last = recent[recent.length - 1];
    if (last?.plural && last.speaker.kind === 'unnamed' && last.speaker.role) {
      return { name: null, role: memberRole(last.speaker.role), kind: 'unnamed' };
    }
    return group ? { name: null, role: memberRole(group), kind: 'unnamed' } : null;
  }

  private resolveDefinite(head: string, role: string, pos: number): Speaker {
    // The discourse may already know whom "the former Intel chief" means.
    const here = this.mentionsIn(pos, pos + 1).find((m) => m.kind === 'person');
    if (here) return this.personSpeaker(here.key, null);
    const recent = this.recentSpeakers(this.windowStart(pos), pos);
    const fits = recent.filter((sm) => roleHasWord(sm.speaker.role, head.replace(/s$/, '')));
    // Two different speakers could be "the president": neither is guessed.
    const keys = new Set(fits.map((sm) => sm.speaker.name ?? sm.speaker.role));
    if (keys.size === 1) return fits[fits.length - 1]!.speaker;
    return { name: null, role, kind: 'unnamed' };
  }

  /** The speaker an attribution names, or null when it cannot be told for sure. */
  resolve(att: Attribution): Speaker | null {
    const ph = att.phrase;
    const pos = att.pos;
    let speaker: Speaker | null = null;
    let plural = false;
    switch (ph.form) {
      case 'person': {
        // "Van Dyke said" after "Sen. Chris Van Dyke": a surname that opens with a particle.
        const longer = opensWithParticle(ph.name.split(' ')) ? personBySuffix(this.d, ph.name, pos) : null;
        speaker = this.personSpeaker(longer?.name ?? ph.name, att.role ?? ph.role);
        if (ph.gender) {
          const p = this.d.persons.get(speaker.name!);
          if (p && !p.gender) p.gender = ph.gender;
        }
        break;
      }
      case 'single':
        speaker = this.resolveSingle(ph.word, att.role ?? ph.role, pos);
        break;
      case 'org': {
        // "ChipWatch Asia, a Hong Kong-based research firm, wrote": the description sticks to the name.
        if (att.role && !this.orgRoles.has(ph.name)) this.orgRoles.set(ph.name, att.role);
        speaker = {
          name: ph.name,
          role: ph.role ?? att.role ?? this.orgRoles.get(ph.name) ?? null,
          kind: 'organization',
        };
        break;
      }
      case 'unnamed':
        plural = ph.plural;
        speaker = ph.definite
          ? this.resolveDefinite(ph.head, ph.role, pos)
          : { name: null, role: ph.role, kind: 'unnamed' };
        break;
      case 'oneOf':
        speaker = this.resolveOneOf(ph.group, pos);
        break;
      case 'anaphor':
        speaker = this.resolveOrgAnaphor(ph.type, pos, false, ph.head);
        break;
      case 'document': {
        const inSentence = (n: number) =>
          this.speakers.filter((sm) => sm.sentence === n && !sm.plural).map((sm) => sm.speaker);
        const author = documentAuthor(this.toks, this.d, ph.noun, this.windowStart(pos), pos, inSentence);
        speaker = author?.kind === 'person' && author.name ? this.personSpeaker(author.name, null) : author;
        break;
      }
      case 'pronoun':
        if (ph.pronoun === 'it') speaker = this.resolveOrgAnaphor('any', pos, true);
        else if (ph.pronoun === 'they') speaker = this.resolveThey(pos);
        else speaker = this.resolveHeShe(ph.pronoun, pos);
        if (speaker?.kind === 'unnamed') plural = ph.pronoun === 'they';
        break;
    }
    if (speaker) this.speakers.push({ s: pos, sentence: this.sentenceAt(pos), speaker, plural });
    return speaker;
  }
}
