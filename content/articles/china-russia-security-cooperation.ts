import { defineArticle } from '../schema.ts'

/**
 * TASS, Beijing, 18 September 2023. The year is not in the source text: it follows from
 * Wang Yi's visit to Russia of 18–21 September, which the last paragraph describes.
 * The wire gives no time of day, so `published` is a calendar date (see content/schema.ts).
 */
export default defineArticle({
  id: '7aabf56efc3e79f2',
  title: 'China, Russia to strengthen security cooperation amid current challenges – Chinese expert',
  standfirst:
    'According to Guo Xinning, another promising area is cooperation in the military technology sector and the corresponding sector of bilateral trade, where the two countries can supplement each other',
  dateline: 'Beijing',
  source: 'TASS',
  published: '2023-09-18',
  tags: ['China', 'Russia', 'SCO', 'CSTO'],
  body: [
    [
      'China and Russia will strengthen security cooperation in response to the current challenges in the global arena, a Chinese expert told TASS.',
    ],
    [
      {
        quote:
          'In the face of security challenges and amid the current realities in the global arena, China and Russia will strengthen cooperation along several tracks,',
      },
      ' Guo Xinning, a senior fellow at the Taihe Institute and Professor at the School of Public Policy and Management, Tsinghua University, said, adding that the Shanghai Cooperation Organization (SCO) may become the cornerstone of regional security.',
    ],
    [
      {
        quote:
          'Apart from that, China and Russia may promote closer cooperation between the SCO and the Collective Security Treaty Organization,',
      },
      ' he noted.',
    ],
    [
      'According to Guo, another promising area is cooperation in the military technology sector and the corresponding sector of bilateral trade, where the two countries can supplement each other. ',
      {
        quote:
          'Finally, they can exchange experience and methods of training soldiers in traditional and non-traditional battle techniques thus boosting the effectiveness of their armies,',
      },
      ' he said.',
    ],
    [
      'The Chinese expert recalled that China and Russia are countries with global influence in what concerns efforts to ensure global security, which ',
      { quote: 'have a lot of similar interests and spheres of responsibility.' },
      ' The two countries are conducting close consultations and developing practical cooperation on issues of mutual interest. ',
      {
        quote:
          'First of all, this is the coordination of efforts and cooperation related to strengthening strategic measures and actions geared to counter terrorism, separatism, and extremism,',
      },
      ' he said. ',
      {
        quote: 'This way, China and Russia have made a major contribution to regional security and stability.',
      },
    ],
    [
      'The expert noted that the current world order is undergoing cardinal changes. In this environment, in his words, closer Chinese-Russian strategic cooperation is helping maintain peace and stability in the region, encouraging economic development, and ',
      { quote: 'promoting the two countries’ image as responsible powers' },
      ' in the eyes of the international community. ',
      {
        quote:
          'It also helps China and Russia rebuff manifestations of hegemony that run counter to how the international system has historically been shaped,',
      },
      ' he added',
    ],
    [
      'He stressed that the cooperation between the two countries’ armies rests on three principles: refusal from building alliances, confrontation and actions geared against third parties. ',
      {
        quote:
          'It has an absolutely different nature and philosophy, which are poles apart from military unions established by Western countries,',
      },
      ' he said. ',
      {
        quote:
          'Beijing and Moscow are acting as initiators of multilateral cooperation, actively developing regional cooperation in the areas of economy and defense.',
      },
    ],
    [
      'According to the Chinese expert, the strategic dialogue and practical cooperation between the two countries’ armies are becoming ',
      { quote: 'more and more optimal.' },
    ],
    [{ quote: 'The Chinese-Russian strategic partnership is gradually strengthening,' }, ' Guo emphasized.'],
    [
      'Moscow and Beijing are developing cooperation to defend their key interests. Chinese Communist Party Politburo Member, Director of the Office of the Foreign Affairs Commission, and Foreign Minister Wang Yi is visiting Russia from September 18 to 21. He will take part in the 18th round of Russian-Chinese consultations on strategic security.',
    ],
  ],
})
