/**
 * Name evidence. A capitalised pair is taken for a person's name without a title, role or speech verb only
 * when its first word is a common given name or it starts or ends with a common East Asian surname.
 * Given names here are the clearly gendered ones, so they also tell "he" from "she".
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const MALE_GIVEN: ReadonlySet<string> = words(`
aaron adam adrian ahmed alan albert alex alexander ali andre andrew andy anthony antoine arjun arthur barry ben
benjamin bernard bill bob brad bradley brandon brian bruce bryan carl carlos charles charlie chris christian
christopher christophe colin craig dale daniel danny darren dave david dean dennis derek dmitri dominic don donald
doug douglas dylan ed eddie edward eric erik ethan evan frank fred gabriel gareth gary gavin geoff geoffrey george
gerard gordon graham greg gregory hans harry henry howard hugo ian isaac ivan jack jacob jake james jamie jared
jason jay jeff jeffrey jensen jeremy jerome jim jimmy joe joel johan john johnny jon jonathan jordan jorge jose
joseph josh joshua juan julian justin karl keith ken kenneth kevin kyle lars lawrence leo leon lewis liam lucas
luis luke marc marco marcus mario mark martin matt matthew max michael miguel mike mohammed muhammad nathan neil
nicholas nick nigel noah oliver omar oscar owen pablo pat patrick paul pedro peter phil philip philippe pierre rafael
raj ralph ray raymond ricardo richard rick rob robert roger ron ronald ross roy russell ryan sam samuel scott sean
sebastian sergei simon stefan stephen steve steven stuart ted terry thomas tim timothy todd tom tony travis trevor
tyler victor vincent walter wayne will william yuri zach jun hiroshi takeshi kenji satoshi akira masayoshi sanjay
rajesh vikram rahul amit anil suresh ravi ramesh gil gilles jean-marc jean-pierre luc olivier thierry wolfgang
jurgen klaus dieter rene rené cristiano hock lip-bu morris dan doug kurt glenn jerry larry gregg stan
`);

export const FEMALE_GIVEN: ReadonlySet<string> = words(`
abigail alexandra alice alicia alison amanda amy andrea angela ann anna anne annie ashley barbara beth betty
brenda carla carmen carol caroline catherine charlotte cheryl christina christine claire clara claudia cynthia
daniela deborah debra denise diana diane donna dorothy elaine eleanor elena elisabeth elizabeth ellen emily emma
erin eva fiona frances gina grace hannah heather helen holly irene isabel jane janet janice jennifer jenny jessica
jill joan joanna jocelyn judith judy julia julie karen kate katherine kathleen kathryn katie kelly kimberly kristin
laura lauren linda lisa liz lucy lynn margaret maria marie marilyn martha mary megan melanie melissa michelle
miranda monica nancy natalie nicole nina olivia pamela patricia paula rachel rebecca rita rosa rose ruth sally
samantha sandra sara sarah sharon sophia sophie stephanie susan suzanne tanya teresa theresa tina tracy ursula
valerie vanessa victoria virginia wendy yvonne zoe ingrid greta priya anjali sunita yuko keiko yumi naomi akiko
ayumi sanae hyun-jung mei ling xiaoli
`);

/** Common Chinese (pinyin and Wade-Giles), Korean and Japanese family names. */
export const EAST_ASIAN_SURNAMES: ReadonlySet<string> = words(`
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie tang song han
feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan
fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao
wan qian dai mo kong xiang lai lian zhuang kang ni niu mei ou bao ji ling hua chang chiang hsu tsai kuo hsieh tseng
chou chao chu chung huang hung kao ko lee liu lo lu shih teng tsao tung wong yeh yen chan cheung leung ng kwok lam
mak tse tsang choi kim park jung jang kang cho yoon lim han shin seo kwon hwang ahn song hong jeon ko moon yang
son bae baek heo nam sim noh ha kwak sung cha joo woo min ryu na jin tanaka suzuki sato takahashi watanabe ito
yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki
mori abe ikeda hashimoto ishikawa ogawa okada goto hasegawa murakami kondo ishii saito sakamoto endo aoki fujii
nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada
ishiba takaichi kishida nguyen tran pham
`);
