/**
 * The default deck's caption templates, in both languages. They are deck content rather than UI
 * strings, so they load with the briefing, not with the first paint (src/i18n/messages.ts holds the
 * briefing's UI strings). `{name}` placeholders are filled as in translate().
 */
const zh = {
  inside: '园区内',
  none: '无',
  'title.parks': '{n} 个园区，分布于 {districts} 个区，方案所述面积合计 {area} 平方公里',
  'title.keys': '翻页：→ / 空格；语言：L；全屏：F；黑屏：B；退出：Esc',
  'overview.title': '{n} 个园区总览',
  'overview.area': '方案所述面积合计 {area} 平方公里（{n} 个园区）',
  'overview.range': '最大：{large}（{largeArea} 平方公里）；最小：{small}（{smallArea} 平方公里）',
  'overview.placement': '{located} 个园区的边界至少有一条沿已定位要素绘制；{textOnly} 个仅据方案文字定位',
  'overview.districts': '所在区：{list}',
  'park.title': '园区 {n}：{name}',
  'park.located': '{district}，方案所述面积 {area} 平方公里；边界为近似范围，部分边线沿已定位的道路或水道',
  'park.textOnly': '{district}，方案所述面积 {area} 平方公里；仅据方案文字定位，误差约 {km} 公里',
  'park.industries': '主导产业：{list}{more}；{six}',
  'park.more': '等（另 {n} 项）',
  'park.six': '“六位一体”要素方案明确 {n}/{total}，未提及{missing}',
  'park.sixAll': '“六位一体”要素 {total} 项方案均已明确',
  'park.noTargets': '方案未给出 2020 年的量化目标',
  'park.targets': '发展目标：{list}',
  'park.by': '（{year}年）',
  'park.stations': '最近已开通站点：{open}；最近规划/在建站点：{planned}',
  'park.station': '{name}（{distance}）',
  'park.noPlanned': '{km}以内无',
  'park.reach':
    '{radius}步行范围覆盖：已开通站点 {open}，含规划 {any}；距机场 {airport}；最近铁路枢纽 {hub} {hubKm}',
  'transit.title': '轨道交通：现状与方案所列',
  'transit.open': '地图上已开通的轨道交通线路：{n} 条',
  'transit.named': '方案为各园区点名的交通线路 {n} 条：已开通 {open} 条，尚未开通 {rest} 条',
  'transit.promises': '方案的交通承诺 {n} 项：已（部分）开通 {open} 项，参考数据无法判断 {unknown} 项',
  'coming.title': '尚未开通的线路及其服务园区',
  'coming.more': '尚未开通的线路及其服务园区（续）',
  'coming.line': '{line}{status} → {parks}',
  'coming.status': '（{status}）',
  'access.top': '可达性得分：第 1 至 5 名',
  'access.rest': '可达性得分：其余园区',
  'access.row': '第 {rank} 名 {name}：{score} 分',
  'sources.title': '数据来源与说明',
  'sources.outlines':
    '园区边界均为近似：{located} 个沿已定位要素绘制部分边线，{textOnly} 个仅据文字定位（误差最多约 {km} 公里）',
  'sources.vintages': '轨道交通现状依据参考数据快照：{list}',
  'sources.distances':
    '距离为园区边界起算的直线距离，非出行时间；可达性公式第 {version} 版；规划站点仅计{km}以内',
  'sources.plan': '园区、目标与配套内容依据《广州市价值创新园区建设三年行动方案（2018—2020年）》',
} as const;

export type DeckTextKey = keyof typeof zh;

const en: Record<DeckTextKey, string> = {
  inside: 'inside the park',
  none: 'none',
  'title.parks': '{n} parks in {districts} districts, {area} km² stated in the plan',
  'title.keys': 'Next: → / Space · language: L · full screen: F · blank: B · leave: Esc',
  'overview.title': 'The {n} parks at a glance',
  'overview.area': '{area} km² stated in the plan across the {n} parks',
  'overview.range': 'Largest: {large} ({largeArea} km²); smallest: {small} ({smallArea} km²)',
  'overview.placement':
    '{located} parks have at least one edge on a located feature; {textOnly} are placed from the words of the plan only',
  'overview.districts': 'Districts: {list}',
  'park.title': 'Park {n}: {name}',
  'park.located': '{district}, {area} km² stated; approximate outline, some edges on located roads or water',
  'park.textOnly':
    '{district}, {area} km² stated; placed from the words of the plan only, may be off by about {km} km',
  'park.industries': 'Lead industries: {list}{more}; {six}',
  'park.more': ' and {n} more',
  'park.six': 'six-in-one: {n} of {total} elements named, not {missing}',
  'park.sixAll': 'six-in-one: all {total} elements named',
  'park.noTargets': 'The plan gives no figure to reach by 2020',
  'park.targets': 'Targets: {list}',
  'park.by': ' by {year}',
  'park.stations': 'Nearest station in service: {open}; nearest planned / under construction: {planned}',
  'park.station': '{name} ({distance})',
  'park.noPlanned': 'none within {km}',
  'park.reach':
    '{radius} walk covers {open} (in service), {any} (with planned); airport {airport}; nearest rail hub {hub} {hubKm}',
  'transit.title': 'Rail transit: in service and what the plan named',
  'transit.open': 'Rail lines in service on the map: {n}',
  'transit.named': 'Links the plan named for the parks: {n}; {open} in service, {rest} not yet',
  'transit.promises':
    'Transport promises in the plan: {n}; {open} (partly) open, {unknown} the reference data cannot tell',
  'coming.title': 'Lines still to come, and the parks they serve',
  'coming.more': 'Lines still to come (continued)',
  'coming.line': '{line}{status} → {parks}',
  'coming.status': ' ({status})',
  'access.top': 'Access scores: ranks 1 to 5',
  'access.rest': 'Access scores: the other parks',
  'access.row': '{rank}. {name}: {score} points',
  'sources.title': 'Sources and caveats',
  'sources.outlines':
    'All outlines are approximate: {located} follow located features on some edges, {textOnly} are placed from text only (off by up to about {km} km)',
  'sources.vintages': 'Transit status from dated reference snapshots: {list}',
  'sources.distances':
    'Distances are straight lines from the park boundary, not travel times; access formula version {version}; planned stations count within {km}',
  'sources.plan':
    'Parks, targets and supporting facilities from the Guangzhou Value Innovation Parks three-year action plan (2018–2020)',
};

export const DECK_TEXT = { zh: zh as Record<DeckTextKey, string>, en } as const;
