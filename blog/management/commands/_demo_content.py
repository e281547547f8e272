"""Demo content for `manage.py load_demo`: fictional blogs, authors and posts."""

BLOGS = [
    {
        "slug": "politics-live",
        "name": "Politics Live",
        "tagline": (
            "Rolling coverage of Parliament, elections and the decisions that shape public life."
        ),
        "about": (
            "Politics Live follows the day in Parliament, in council chambers and on the campaign "
            "trail, with updates from our political and parliamentary correspondents.\n\n"
            "We aim to explain what decisions mean for you, and we correct mistakes openly and "
            "promptly."
        ),
    },
    {
        "slug": "climate-desk",
        "name": "Climate Desk",
        "tagline": "Weather, energy, wildlife and the science of a changing climate.",
        "about": (
            "Climate Desk brings together our environment, science and weather teams to report on "
            "the changing climate and how communities are adapting to it. We rely on published "
            "data and name our sources wherever we can."
        ),
    },
    {
        "slug": "tech-live",
        "name": "Tech Live",
        "tagline": "Technology news explained: AI, online safety, privacy, space and start-ups.",
        "about": (
            "Tech Live reports on the technology that runs through everyday life, from the apps on "
            "your phone to the satellites above it.\n\n"
            "Our correspondents test claims, talk to the people affected and explain the jargon."
        ),
    },
    {
        "slug": "culture-live",
        "name": "Culture Live",
        "tagline": (
            "Film, books, music, theatre and the visual arts, from premieres to local stages."
        ),
        "about": (
            "Culture Live covers the arts as they happen: festivals, openings, prizes and the "
            "people who make it all work behind the scenes. We report on big national institutions "
            "and small local venues alike."
        ),
    },
]

AUTHORS = [
    {
        "slug": "amara-okafor",
        "name": "Amara Okafor",
        "bio": (
            "Amara Okafor is Newsroom's political editor. She has reported on four general "
            "elections and spent six years as a regional affairs correspondent."
        ),
    },
    {
        "slug": "tomas-lindqvist",
        "name": "Tomas Lindqvist",
        "bio": (
            "Tomas Lindqvist is a parliamentary correspondent covering committees, legislation and "
            "the business of the chamber."
        ),
    },
    {
        "slug": "yusuf-demir",
        "name": "Yusuf Demir",
        "bio": (
            "Yusuf Demir is economics and regions correspondent, reporting on budgets, councils "
            "and public services outside the capital."
        ),
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "bio": (
            "Priya Raman is climate and environment correspondent. She previously worked as a "
            "science producer for radio."
        ),
    },
    {
        "slug": "callum-reid",
        "name": "Callum Reid",
        "bio": (
            "Callum Reid is a science and weather reporter who covers storms, flooding and the "
            "data behind the forecasts."
        ),
    },
    {
        "slug": "hana-sato",
        "name": "Hana Sato",
        "bio": (
            "Hana Sato is technology correspondent, covering artificial intelligence, online "
            "safety and the companies behind them."
        ),
    },
    {
        "slug": "mateo-alvarez",
        "name": "Mateo Alvarez",
        "bio": (
            "Mateo Alvarez reports on cybersecurity, privacy and space. Before joining Newsroom he "
            "was a software developer."
        ),
    },
    {
        "slug": "niamh-doyle",
        "name": "Niamh Doyle",
        "bio": (
            "Niamh Doyle is a data journalist who turns public statistics into charts, explainers "
            "and investigations."
        ),
    },
    {
        "slug": "grace-mensah",
        "name": "Grace Mensah",
        "bio": (
            "Grace Mensah is arts correspondent, writing about museums, galleries, books and the "
            "people who run them."
        ),
    },
    {
        "slug": "felix-brandt",
        "name": "Felix Brandt",
        "bio": (
            "Felix Brandt is a culture reporter covering music, film and theatre, with a soft spot "
            "for small venues."
        ),
    },
    {
        "slug": "newsroom-wire-desk",
        "name": "Newsroom Wire Desk",
        "bio": (
            "Agency copy from national and international news agencies, edited and checked by the "
            "Newsroom live desk."
        ),
    },
    {
        "slug": "newsroom-staff",
        "name": "Newsroom Staff",
        "bio": (
            "Reporting by Newsroom journalists, drawing on agency copy and material from local "
            "partner newsrooms."
        ),
    },
]

TAGS = [
    "Elections",
    "Parliament",
    "Budget",
    "Health",
    "Housing",
    "Local Government",
    "Education",
    "Energy",
    "Weather",
    "Wildlife",
    "Oceans",
    "Farming",
    "Transport",
    "Artificial Intelligence",
    "Cybersecurity",
    "Privacy",
    "Space",
    "Start-ups",
    "Music",
    "Film",
    "Books",
    "Theatre",
    "Visual Arts",
    "Heritage",
]

# Posts are listed blog by blog, newest first within each blog.
POSTS = [
    {
        "blog": "politics-live",
        "slug": "hollins-ford-by-election-result",
        "headline": "Unity Party wins Hollins Ford by-election on a swing of almost 11 points",
        "standfirst": (
            "The opposition has taken the former mill town from the governing Civic Democrats, "
            "overturning a majority of more than 6,000 in the first electoral test since the "
            "spring budget."
        ),
        "body": (
            "The Unity Party's Joanna Pike has won the Hollins Ford by-election, taking the seat "
            "from the governing Civic Democrats with a majority of 2,314 after an overnight count "
            "at the town's leisure centre.\n\n"
            "The result overturns a majority of 6,120 at the last general election and represents "
            "a swing of 10.8 percentage points. Turnout was 41.2%, down from 63% at the general "
            "election but higher than party organisers had predicted after a day of heavy rain.\n\n"
            "> People here told me again and again that they want reliable buses, fair rents and a "
            "high street with a future. Tonight they voted for it. — Joanna Pike, MP for Hollins "
            "Ford\n\n"
            "The Civic Democrat candidate, former councillor Martin Aske, came second with 14,870 "
            "votes. The Coastal Independents were third, their best result in the constituency, "
            "while the Green Alliance held its deposit.\n\n"
            "## What it means\n\n"
            "Government sources had privately expected to lose the seat but had hoped to keep the "
            "margin within a few hundred votes. Prime Minister Marguerite Holloway said the result "
            "was a clear message that ministers would take seriously, adding that by-elections "
            "were often difficult for governments in the middle of a parliament.\n\n"
            "Ms Pike is expected to take her seat in Parliament next week. We will have full "
            "analysis of the results, ward by ward, later this morning."
        ),
        "authors": ["amara-okafor", "tomas-lindqvist"],
        "tags": ["Elections", "Local Government"],
        "illustration": "chart",
        "hours_ago": 1,
    },
    {
        "blog": "politics-live",
        "slug": "hollins-ford-polls-close-count-under-way",
        "headline": "Polls close in Hollins Ford by-election as count gets under way",
        "standfirst": (
            "Ballot boxes are arriving at the count in Hollins Ford, where a result is expected in "
            "the early hours after a campaign dominated by transport, housing and the cost of "
            "living."
        ),
        "body": (
            "Polls have closed in the Hollins Ford by-election, and the first ballot boxes have "
            "arrived at the leisure centre where votes are being counted.\n\n"
            "Returning officer Gillian Farrow said the count was running to schedule and that she "
            "expected a declaration between 2am and 3am. Postal votes, which made up nearly a "
            "third of all ballots last time, were verified earlier in the evening.\n\n"
            "> Staff have worked incredibly hard in difficult weather today. Every vote will be "
            "counted carefully, however long that takes. — Gillian Farrow, returning officer\n\n"
            "Seven candidates are standing. The seat has been held by the Civic Democrats since it "
            "was created, but both main parties have campaigned intensively here, with senior "
            "figures from each visiting the constituency several times over the past fortnight.\n\n"
            "Local issues have featured heavily on the doorstep. The planned closure of the town's "
            "bus depot, the shortage of affordable homes and the future of the former textile mill "
            "site have all come up repeatedly in conversations with voters.\n\n"
            "Party officials are cautious about predicting the outcome. Stay with us through the "
            "night for updates from the count as the boxes are opened and the bundles are stacked."
        ),
        "authors": ["tomas-lindqvist"],
        "tags": ["Elections"],
        "illustration": "map",
        "hours_ago": 16,
    },
    {
        "blog": "politics-live",
        "slug": "opposition-responds-to-spring-budget",
        "headline": (
            "Opposition says budget offers 'too little, too late' for renters and commuters"
        ),
        "standfirst": (
            "Unity Party leader Daniel Okonjo-Reyes used his formal reply to the budget to attack "
            "the government's record on rents and rail fares, while smaller parties focused on "
            "energy bills."
        ),
        "body": (
            "The leader of the opposition, Daniel Okonjo-Reyes, has said the spring budget offers "
            "too little, too late for people struggling with rising rents and the cost of getting "
            "to work.\n\n"
            "In his reply in the chamber, he welcomed the extra money for hospitals but said the "
            "government had ignored commuters, pointing out that regulated rail fares are due to "
            "rise again in the autumn.\n\n"
            "> Families do not need another freeze on one bill while every other bill goes up. "
            "They need a government with a plan for homes and for transport. — Daniel "
            "Okonjo-Reyes, leader of the Unity Party\n\n"
            "The Coastal Independents said they would support the empty homes levy but wanted "
            "councils, not the Treasury, to keep the money raised. The Green Alliance criticised "
            "the fuel duty freeze, arguing that the money would have been better spent on home "
            "insulation.\n\n"
            "Government ministers defended the package. A Treasury source said the opposition had "
            "not explained how it would pay for its own promises, and that the budget kept "
            "borrowing on a downward path.\n\n"
            "The budget resolutions will be debated over four days next week before MPs vote on "
            "them."
        ),
        "authors": ["amara-okafor"],
        "tags": ["Budget", "Parliament", "Housing"],
        "illustration": "columns",
        "hours_ago": 44,
    },
    {
        "blog": "politics-live",
        "slug": "spring-budget-key-points",
        "headline": "Spring budget: the key points at a glance",
        "standfirst": (
            "Finance Minister Helena Marsh has set out her spending and tax plans for the year "
            "ahead, including a fuel duty freeze, extra money for hospitals and a new levy on "
            "empty homes."
        ),
        "body": (
            "Finance Minister Helena Marsh has delivered her spring budget to Parliament, "
            "describing it as a plan to steady the public finances while protecting frontline "
            "services.\n\n"
            "Here are the main measures announced in the chamber:\n\n"
            "- Fuel duty frozen for a further twelve months\n"
            "- An extra £1.8bn for hospitals, mainly to cut waiting lists\n"
            "- A new levy on homes left empty for more than two years\n"
            "- The income tax personal allowance raised in line with inflation\n"
            "- Free school breakfasts extended to every primary school from next year\n\n"
            "> This is a budget for stability. We are paying our way, and we are investing where "
            "it matters most to families. — Helena Marsh, Finance Minister\n\n"
            "The independent Fiscal Council said the plans were broadly consistent with the "
            "government's borrowing target, but warned that the margin for error remained small "
            "and depended on growth forecasts that could yet be revised.\n\n"
            "Our economics correspondent has a fuller look at what the measures mean for "
            "households, and the Fiscal Council's full assessment can be found in its [published "
            "report](https://example.org/fiscal-council/spring-outlook). We will bring you "
            "reaction from businesses, unions and opposition parties throughout the afternoon."
        ),
        "authors": ["yusuf-demir", "niamh-doyle"],
        "tags": ["Budget", "Parliament", "Housing", "Health"],
        "illustration": "chart",
        "hours_ago": 81,
    },
    {
        "blog": "politics-live",
        "slug": "housing-bill-clears-second-reading",
        "headline": "Housing bill clears first Commons hurdle despite backbench concerns",
        "standfirst": (
            "MPs have voted by 312 to 268 to give the Affordable Homes Bill a second reading, but "
            "several government backbenchers warned they would seek changes to planning rules at "
            "committee stage."
        ),
        "body": (
            "The government's Affordable Homes Bill has passed its second reading in Parliament by "
            "312 votes to 268, a majority of 44.\n\n"
            "The bill would require new developments of more than 50 homes to include at least a "
            "quarter for social rent, and would give councils new powers to buy land at closer to "
            "its existing use value.\n\n"
            "Housing Minister Samuel Idris told MPs the bill would help deliver the government's "
            "target of 200,000 new homes a year.\n\n"
            "> For too long, the people who keep our towns running have been priced out of living "
            "in them. This bill starts to change that. — Samuel Idris, Housing Minister\n\n"
            "However, a group of around a dozen Civic Democrat backbenchers, mostly representing "
            "rural seats, said they were worried about the impact on green belt land. Several said "
            "they would table amendments to give local residents more say over large "
            "developments.\n\n"
            "The opposition voted against the bill, arguing that its targets were not ambitious "
            "enough and that it did too little for private renters.\n\n"
            "The bill now moves to committee stage, where it will be examined line by line. "
            "Ministers hope it will become law before the end of the year."
        ),
        "authors": ["tomas-lindqvist"],
        "tags": ["Housing", "Parliament"],
        "illustration": "skyline",
        "hours_ago": 124,
    },
    {
        "blog": "politics-live",
        "slug": "committee-criticises-rail-contract-delays",
        "headline": "Committee report criticises 'avoidable' delays on northern rail upgrade",
        "standfirst": (
            "The Transport Committee says poor planning and repeated design changes added two "
            "years and £430m to the upgrade of the Northern Valleys line, and calls for a review "
            "of contract management."
        ),
        "body": (
            "A cross-party committee of MPs has said delays to the upgrade of the Northern Valleys "
            "railway line were largely avoidable and has called on the Department for Transport to "
            "change how it manages major contracts.\n\n"
            "The Transport Committee found that the project is running two years late and £430m "
            "over its original budget. It blamed repeated changes to the design of the new "
            "signalling system and a lack of experienced staff overseeing the work.\n\n"
            "> Passengers on this line have put up with years of disruption. They deserve to know "
            "that lessons will be learned before the next big project begins. — Carys Whitfield, "
            "chair of the Transport Committee\n\n"
            "The report makes 14 recommendations, including:\n\n"
            "- a single senior official accountable for each major rail project\n"
            "- published quarterly updates on cost and progress\n"
            "- an independent review of the contract before the next phase is signed\n\n"
            "The Department for Transport said it welcomed the committee's work and would respond "
            "formally within two months. It said the upgrade would bring faster and more frequent "
            "services once complete.\n\n"
            "Rail Partnership North, which operates services on the line, said it expected the new "
            "timetable to begin next spring."
        ),
        "authors": ["tomas-lindqvist"],
        "tags": ["Transport", "Parliament"],
        "illustration": "map",
        "hours_ago": 173,
    },
    {
        "blog": "politics-live",
        "slug": "votes-at-16-consultation-launched",
        "headline": "Government launches consultation on lowering the voting age to 16",
        "standfirst": (
            "Ministers are seeking views on whether 16 and 17-year-olds should be able to vote in "
            "general and local elections, with the consultation running for twelve weeks."
        ),
        "body": (
            "The government has launched a public consultation on lowering the voting age to 16 "
            "for general and local elections.\n\n"
            "The consultation, which runs for twelve weeks, also asks whether citizenship lessons "
            "in schools should be expanded to include more about how Parliament and councils "
            "work.\n\n"
            "Constitutional Affairs Minister Leon Farrant said the government had not yet reached "
            "a final view and wanted to hear from young people in particular.\n\n"
            "> Sixteen-year-olds can work, pay tax and join a trade union. It is right that we ask "
            "openly whether they should also have a vote. — Leon Farrant, Constitutional Affairs "
            "Minister\n\n"
            "Supporters of the change point to countries and regions where younger voters already "
            "take part, and argue that voting early helps build a lifelong habit. Critics say the "
            "age of majority should remain consistent and that the change could be seen as "
            "benefiting particular parties.\n\n"
            "The Electoral Commission said any change would need at least eighteen months to "
            "implement, to allow for updates to the electoral register and guidance for "
            "schools.\n\n"
            "Responses can be submitted online or by post. A summary of the findings is expected "
            "to be published in the autumn."
        ),
        "authors": ["amara-okafor"],
        "tags": ["Elections", "Education"],
        "illustration": "chart",
        "hours_ago": 226,
    },
    {
        "blog": "politics-live",
        "slug": "lobbying-register-reforms",
        "headline": "Lobbying register to be widened to cover in-house lobbyists",
        "standfirst": (
            "Companies and charities that lobby ministers directly will have to declare meetings "
            "on a public register under changes announced by the Cabinet Office following "
            "criticism of the current rules."
        ),
        "body": (
            "The public register of lobbyists is to be expanded to include organisations that "
            "lobby ministers and senior officials using their own staff, rather than through "
            "specialist agencies.\n\n"
            "At present, only consultant lobbyists working on behalf of clients have to register, "
            "which critics say leaves most lobbying activity out of public view.\n\n"
            "Under the new rules, organisations will have to publish the date of any meeting with "
            "a minister or senior civil servant, who attended and the general subject discussed. "
            "The changes are expected to come into force in January.\n\n"
            "> Transparency is not a threat to good government. It is a condition of it. — Anita "
            "Corr, Cabinet Office minister\n\n"
            "Campaigners for open government welcomed the announcement but said the register "
            "should also cover contact with special advisers, who often act as a route to "
            "ministers.\n\n"
            "The Association of Public Affairs Professionals said its members supported greater "
            "openness but warned that the system must not become so complicated that smaller "
            "charities were discouraged from engaging with government.\n\n"
            "The Cabinet Office has published a draft of the guidance and is inviting comments "
            "over the next six weeks."
        ),
        "authors": ["tomas-lindqvist"],
        "tags": ["Parliament"],
        "illustration": "columns",
        "hours_ago": 285,
    },
    {
        "blog": "politics-live",
        "slug": "health-secretary-appointed-in-reshuffle",
        "headline": "Beatrice Lund named health secretary in mini-reshuffle",
        "standfirst": (
            "The prime minister has moved three members of her cabinet, bringing in a former "
            "hospital doctor to run the health department as pressure grows over waiting times."
        ),
        "body": (
            "Beatrice Lund has been appointed health secretary in a limited reshuffle that saw "
            "three cabinet ministers change jobs.\n\n"
            "Ms Lund, a former emergency medicine doctor who entered Parliament at the last "
            "election, replaces Owen Stavely, who becomes minister for business and trade. Former "
            "business minister Anita Corr moves to the Cabinet Office.\n\n"
            "In a brief statement outside the department, Ms Lund said her first priority would be "
            "reducing the time patients wait for planned operations.\n\n"
            "> I have worked night shifts in an emergency department. I know what pressure feels "
            "like on the front line, and I know we can do better for patients. — Beatrice Lund, "
            "Health Secretary\n\n"
            "Prime Minister Marguerite Holloway said the changes would bring fresh energy to the "
            "government's main priorities. Opposition parties described the reshuffle as a "
            "reshuffling of chairs and said it would not change the underlying problems in the "
            "health service.\n\n"
            "Health unions gave a cautious welcome to the appointment. The Nursing Staff "
            "Association said it hoped to meet Ms Lund within her first week to discuss pay and "
            "staffing."
        ),
        "authors": ["amara-okafor"],
        "tags": ["Health", "Parliament"],
        "illustration": "columns",
        "hours_ago": 348,
    },
    {
        "blog": "politics-live",
        "slug": "regional-mayors-transport-funding",
        "headline": "Regional mayors demand long-term transport funding deal",
        "standfirst": (
            "Six elected mayors have written jointly to the prime minister calling for a ten-year "
            "settlement for buses, trams and local rail, saying year-to-year funding makes "
            "planning impossible."
        ),
        "body": (
            "Six regional mayors from across the political spectrum have written to the prime "
            "minister asking for a guaranteed ten-year funding settlement for local transport.\n\n"
            "In the letter, the mayors say that one- and two-year funding rounds make it "
            "impossible to plan new routes, buy vehicles or train drivers. They argue that a "
            "long-term deal would save money by allowing bulk purchasing and better contracts.\n\n"
            "> We can't build a tram network on a one-year budget. Nobody runs a business like "
            "that, and nobody should run a transport system like that either. — Rhiannon Tate, "
            "Mayor of the Port Alder city region\n\n"
            "The mayors are asking for a settlement worth at least £2.4bn a year, which they say "
            "is roughly what is currently spent across the same areas through a patchwork of "
            "separate funds.\n\n"
            "The Department for Transport said it recognised the value of certainty and was "
            "looking at multi-year settlements as part of the next spending review.\n\n"
            "The letter is unusual in being signed by mayors from all the main parties. Local "
            "transport campaign groups said it showed a rare level of agreement on the issue."
        ),
        "authors": ["yusuf-demir"],
        "tags": ["Transport", "Local Government", "Budget"],
        "illustration": "map",
        "hours_ago": 415,
    },
    {
        "blog": "politics-live",
        "slug": "waiting-list-plan-vote",
        "headline": "MPs back plan to cut hospital waiting lists after lengthy debate",
        "standfirst": (
            "A government motion setting out targets for planned operations has been approved by "
            "330 votes to 251, after opposition amendments calling for a staffing plan were "
            "defeated."
        ),
        "body": (
            "MPs have approved the government's plan to reduce hospital waiting lists, after a "
            "debate that lasted more than six hours.\n\n"
            "The plan sets a target for 92% of patients to start planned treatment within 18 weeks "
            "by the end of the parliament. At present the figure is around 61%, according to the "
            "latest official statistics.\n\n"
            "The opposition tabled an amendment calling for a published workforce plan setting out "
            "how many additional surgeons, anaesthetists and nurses would be needed. It was "
            "defeated by 329 votes to 254.\n\n"
            "> Targets are only as good as the staff you have to meet them. Without a workforce "
            "plan, this is a wish list. — Priscilla Morven, Unity Party health spokesperson\n\n"
            "Ministers said new surgical hubs, which separate planned operations from emergency "
            "care, would increase capacity without relying only on new recruitment.\n\n"
            "## The numbers\n\n"
            "Around 7.2 million treatments are currently waiting to begin. Of those, about 380,000 "
            "patients have been waiting for more than a year. Our data team has analysed waiting "
            "times for every hospital trust, and the picture varies widely from region to region."
        ),
        "authors": ["tomas-lindqvist", "niamh-doyle"],
        "tags": ["Health", "Parliament"],
        "illustration": "chart",
        "hours_ago": 486,
    },
    {
        "blog": "politics-live",
        "slug": "electoral-commission-misinformation-warning",
        "headline": "Electoral Commission warns of false claims about how to vote",
        "standfirst": (
            "The elections watchdog says it has seen a rise in misleading posts telling people "
            "they can vote by text message or that they need to bring a utility bill to the "
            "polling station."
        ),
        "body": (
            "The Electoral Commission has warned voters to be wary of false information about how "
            "to vote, after a rise in misleading posts on social media ahead of the Hollins Ford "
            "by-election and this spring's local elections.\n\n"
            "The commission said it had been alerted to posts claiming that people could vote by "
            "text message or online, and others saying voters had to bring a utility bill to the "
            "polling station. Neither claim is true.\n\n"
            "> If you are unsure about anything, check with your local council or with us. Do not "
            "rely on a screenshot someone has shared. — Ruth Kessington, chair of the Electoral "
            "Commission\n\n"
            "The commission said most of the posts appeared to be the result of confusion rather "
            "than deliberate campaigns, but that some had been shared thousands of times.\n\n"
            "Voters can only vote in person at their allocated polling station, by post if they "
            "have applied in advance, or by proxy. Photo identification is required at polling "
            "stations, and a full list of accepted documents is available from councils.\n\n"
            "Several social media companies said they had removed posts that breached their rules "
            "on election misinformation and added labels to others."
        ),
        "authors": ["amara-okafor", "mateo-alvarez"],
        "tags": ["Elections", "Cybersecurity"],
        "illustration": "network",
        "hours_ago": 561,
    },
    {
        "blog": "politics-live",
        "slug": "teachers-pay-deal-agreed",
        "headline": "Teachers accept pay offer, ending threat of strike action",
        "standfirst": (
            "Members of the largest teaching union have voted to accept a 5.1% pay rise over two "
            "years, ending months of dispute and calling off planned walkouts in the summer term."
        ),
        "body": (
            "Teachers have voted to accept a pay offer worth 5.1% over two years, bringing an end "
            "to a dispute that had threatened to disrupt schools in the summer term.\n\n"
            "In a ballot of members of the Teaching Staff Union, 71% voted to accept the deal on a "
            "turnout of 58%. Walkouts planned for May have been called off.\n\n"
            "The deal includes a commitment to review teachers' workload, including time spent on "
            "marking and administration, with a report due by next spring.\n\n"
            "> This is not everything we asked for, but our members have secured real progress, "
            "especially on workload. We will hold the government to its promises. — Dervla Quinn, "
            "general secretary of the union\n\n"
            "Education Secretary Oliver Penhale said he was pleased that an agreement had been "
            "reached and that children's learning would not be interrupted.\n\n"
            "Head teachers' associations welcomed the outcome but warned that schools would need "
            "extra funding to meet the cost of the pay rise without cutting elsewhere. The "
            "government has said most of the additional cost will be covered centrally, with "
            "schools expected to find around 0.5% from existing budgets."
        ),
        "authors": ["yusuf-demir"],
        "tags": ["Education", "Budget"],
        "illustration": "chart",
        "hours_ago": 639,
    },
    {
        "blog": "politics-live",
        "slug": "eastbridge-council-tax-freeze",
        "headline": "Eastbridge council votes to freeze council tax for a second year",
        "standfirst": (
            "Councillors approved the freeze by a narrow margin after a heated meeting, with "
            "opposition members warning that library hours and road repairs could suffer as a "
            "result."
        ),
        "body": (
            "Eastbridge Borough Council has voted to freeze council tax for the second year "
            "running, after a three-hour meeting that ended in a vote of 27 to 24.\n\n"
            "The council's ruling coalition said the freeze would help households facing high "
            "living costs. It plans to balance the budget by selling two empty office buildings "
            "and sharing back-office services with a neighbouring council.\n\n"
            "> People in Eastbridge have had enough of bills going up. We have found savings "
            "without cutting the services that residents value most. — Councillor Harriet Solway, "
            "leader of Eastbridge Borough Council\n\n"
            "Opposition councillors argued that the savings were optimistic and that the council "
            "would face a bigger gap next year. They said library opening hours and pothole "
            "repairs were likely to be cut if the property sales fell through.\n\n"
            "The council's chief finance officer said in a report to councillors that the budget "
            "was balanced but carried a moderate level of risk.\n\n"
            "A band D property in Eastbridge will continue to pay £1,962 a year, one of the lowest "
            "rates in the region."
        ),
        "authors": ["yusuf-demir"],
        "tags": ["Local Government", "Budget"],
        "illustration": "skyline",
        "hours_ago": 720,
    },
    {
        "blog": "politics-live",
        "slug": "hollins-ford-candidates-confirmed",
        "headline": "Seven candidates confirmed for Hollins Ford by-election",
        "standfirst": (
            "Nominations have closed for the Hollins Ford by-election, triggered by the "
            "resignation of the sitting MP, with voters set to go to the polls in just under five "
            "weeks."
        ),
        "body": (
            "Seven candidates will contest the Hollins Ford by-election, the local council has "
            "confirmed after nominations closed at 4pm.\n\n"
            "The by-election was triggered by the resignation of the Civic Democrat MP Graham "
            "Leckie, who is stepping down on health grounds after fourteen years representing the "
            "constituency.\n\n"
            "The candidates, in ballot paper order, are:\n\n"
            "- Martin Aske, Civic Democrats\n"
            "- Leah Brook, Green Alliance\n"
            "- Peter Dunmore, independent\n"
            "- Karim Hassan, Coastal Independents\n"
            "- Sandra Ivers, Hollins Ford First\n"
            "- Joanna Pike, Unity Party\n"
            "- Thomas Yale, Liberty Reform\n\n"
            "The deadline to register to vote is in twelve days, and the deadline to apply for a "
            "postal vote is the following week. Polling stations will be open from 7am to 10pm on "
            "polling day. Hollins Ford had an electorate of just over 72,000 at the last general "
            "election.\n\n"
            "Mr Leckie held the seat with a majority of 6,120. The constituency covers the town "
            "itself and several surrounding villages along the Tallow valley."
        ),
        "authors": ["newsroom-wire-desk"],
        "tags": ["Elections"],
        "illustration": "map",
        "hours_ago": 805,
    },
    {
        "blog": "politics-live",
        "slug": "week-ahead-in-parliament",
        "headline": (
            "The week ahead in Parliament: budget build-up, housing and a busy committee corridor"
        ),
        "standfirst": (
            "With the spring budget a month away and a major housing bill on the way, our "
            "parliamentary correspondent looks at what to watch in Parliament over the coming days."
        ),
        "body": (
            "Welcome to Politics Live. Parliament returns from its short recess on Monday, and "
            "there is plenty to keep MPs busy before the spring budget.\n\n"
            "## Monday and Tuesday\n\n"
            "The week begins with the final stages of the Water Quality Bill, which would require "
            "water companies to publish real-time data on sewage discharges. Several amendments "
            "from backbenchers on both sides are expected to be put to a vote.\n\n"
            "## Wednesday\n\n"
            "The Affordable Homes Bill is formally introduced. It will not be debated in full for "
            "several weeks, but the text will give the first detailed look at the government's "
            "plans for social housing.\n\n"
            "## Thursday\n\n"
            "The Transport Committee questions officials on the Northern Valleys rail upgrade, "
            "which has been dogged by delays.\n\n"
            "> It is a heavy week of business, and I would advise members not to make firm plans "
            "for their evenings. — Miriam Castell, Leader of the House\n\n"
            "We will bring you updates throughout the week, with live coverage of the main debates "
            "and key votes."
        ),
        "authors": ["tomas-lindqvist"],
        "tags": ["Parliament", "Budget", "Housing"],
        "illustration": "columns",
        "hours_ago": 892,
    },
    {
        "blog": "climate-desk",
        "slug": "storm-warning-kestrel-bay-coast",
        "headline": "Amber wind warning issued as Storm Ottilie heads for the west coast",
        "standfirst": (
            "Gusts of up to 80mph are possible along exposed coasts from late this evening, with "
            "forecasters warning of travel disruption, power cuts and large waves around Kestrel "
            "Bay."
        ),
        "body": (
            "An amber warning for wind has been issued for much of the west coast as Storm Ottilie "
            "approaches, with the strongest gusts expected between 10pm tonight and 8am "
            "tomorrow.\n\n"
            "Forecasters say gusts of 60 to 70mph are likely along exposed coasts, with up to "
            "80mph possible on headlands and high ground around Kestrel Bay. A wider yellow "
            "warning covers inland areas, where gusts of 45 to 55mph are expected.\n\n"
            "> This is a deep area of low pressure and it will bring a spell of very strong winds "
            "overnight. People should check travel plans and secure anything loose outdoors. — "
            "Edwin Carrow, chief forecaster at the National Weather Service\n\n"
            "Ferry operators have cancelled sailings from Kestrel Bay tomorrow morning, and the "
            "Coastal Railway says it will run a reduced timetable with speed restrictions in "
            "place.\n\n"
            "Energy networks have placed extra engineers on standby. People are advised to keep "
            "mobile phones charged and to report fallen power lines rather than approaching "
            "them.\n\n"
            "Coastguard teams are urging people to stay away from seafronts and cliff paths while "
            "the warning is in force, even to take photographs of the waves."
        ),
        "authors": ["callum-reid"],
        "tags": ["Weather", "Transport"],
        "illustration": "storm",
        "hours_ago": 3,
    },
    {
        "blog": "climate-desk",
        "slug": "record-spring-temperatures-marrow-vale",
        "headline": "Marrow Vale records hottest April day since measurements began",
        "standfirst": (
            "A temperature of 27.4C was recorded at the Marrow Vale weather station on Tuesday "
            "afternoon, beating the previous April record for the country by almost a degree."
        ),
        "body": (
            "A new national temperature record for April has been set at Marrow Vale, where the "
            "thermometer reached 27.4C on Tuesday afternoon.\n\n"
            "The previous record, 26.5C, was set fourteen years ago. The National Weather Service "
            "said the reading had been checked and was provisionally confirmed, with a full review "
            "to follow.\n\n"
            "The heat was caused by a plume of warm air drawn up from the south, combined with "
            "clear skies and light winds. Temperatures are forecast to fall back closer to normal "
            "by the weekend.\n\n"
            "> One warm day is weather, not climate. But when we look at the records as a whole, "
            "the warm ones are being broken far more often than the cold ones, and that is the "
            "signature of a warming climate. — Dr Imogen Salter, climate scientist at Carrick "
            "University\n\n"
            "Our analysis of national records shows that of the monthly maximum temperature "
            "records set over the past thirty years, more than four in five have been warm "
            "records.\n\n"
            "Gardeners and farmers have reported early flowering in fruit trees, raising concerns "
            "that blossom could be damaged if frosts return later in the month."
        ),
        "authors": ["callum-reid", "niamh-doyle"],
        "tags": ["Weather"],
        "illustration": "hills",
        "hours_ago": 22,
    },
    {
        "blog": "climate-desk",
        "slug": "offshore-wind-farm-approved",
        "headline": "Go-ahead for Wrenhaven offshore wind farm, enough to power 1.2 million homes",
        "standfirst": (
            "The energy department has granted consent for a 1.4 gigawatt wind farm off the "
            "south-west coast, with construction due to begin in two years and power expected by "
            "the end of the decade."
        ),
        "body": (
            "Plans for one of the country's largest offshore wind farms have been approved, "
            "clearing the way for construction to start within two years.\n\n"
            "The Wrenhaven Array will have up to 95 turbines located around 40km off the coast. "
            "Its developer says it will generate enough electricity to power 1.2 million homes "
            "once complete.\n\n"
            "The decision follows a two-year planning process in which fishing groups, "
            "conservation charities and coastal communities raised concerns about the effects on "
            "seabirds, fishing grounds and views from the shore.\n\n"
            "[photo]\n\n"
            "> We have listened carefully and this consent comes with some of the strictest "
            "environmental conditions we have ever set. — Nadia Vell, Energy Minister\n\n"
            "Conditions attached to the consent include seasonal limits on piling work to protect "
            "migrating porpoises and a fund to support local fishing businesses affected by the "
            "development.\n\n"
            "The Marine Wildlife Trust said it was pleased that its concerns had been taken into "
            "account but would be watching closely to make sure the conditions were enforced. The "
            "developer estimates that the project will create around 1,500 jobs during "
            "construction and 200 permanent roles at a new maintenance base in Wrenhaven harbour."
        ),
        "authors": ["priya-raman"],
        "tags": ["Energy", "Oceans"],
        "illustration": "turbines",
        # A photo from the library in the body, where "[photo]" stands.
        "body_photo": "sea",
        "hours_ago": 53,
    },
    {
        "blog": "climate-desk",
        "slug": "river-alder-water-quality-report",
        "headline": "River Alder water quality improving but still failing standards, report finds",
        "standfirst": (
            "An annual report by the Waterways and Environment Agency shows lower phosphate levels "
            "along the River Alder, but none of its stretches yet meet the standard for good "
            "ecological health."
        ),
        "body": (
            "Water quality in the River Alder has improved for a third year running, but none of "
            "the river's twelve monitored stretches meet the standard for good ecological health, "
            "according to the Waterways and Environment Agency's annual report.\n\n"
            "Phosphate levels, which can cause algae to bloom and starve the water of oxygen, fell "
            "by an average of 14% compared with last year. The agency credits upgrades at two "
            "sewage treatment works and changes in how farms along the river manage fertiliser and "
            "slurry.\n\n"
            "> The trend is in the right direction and that is genuinely encouraging. But we're a "
            "long way from a healthy river, and it will take years of sustained effort to get "
            "there. — Marcus Oyelaran, Alder Rivers Trust\n\n"
            "Citizen science volunteers collected more than 2,000 samples for the report, helping "
            "to fill gaps between official monitoring sites.\n\n"
            "The report found that storm overflows discharged untreated sewage into the river on "
            "412 occasions last year, down from 530 the year before. The water company responsible "
            "said it was investing in additional storage to reduce spills further.\n\n"
            "The full results, broken down by stretch, are available in the [agency's interactive "
            "map](https://example.org/environment/river-alder-2024)."
        ),
        "authors": ["priya-raman"],
        "tags": ["Wildlife", "Farming", "Health"],
        "illustration": "map",
        "hours_ago": 91,
    },
    {
        "blog": "climate-desk",
        "slug": "seagrass-restoration-wrenhaven-sound",
        "headline": "Volunteers plant a million seagrass seeds in Wrenhaven Sound",
        "standfirst": (
            "A restoration project aims to bring back underwater meadows lost over the past "
            "century, which store carbon, shelter young fish and protect the shoreline from "
            "erosion."
        ),
        "body": (
            "Volunteers and marine scientists have finished planting a million seagrass seeds in "
            "Wrenhaven Sound, in one of the largest restoration projects of its kind.\n\n"
            "Seagrass meadows once covered much of the sheltered water in the sound but most were "
            "lost during the last century because of disease, pollution and damage from boat "
            "moorings.\n\n"
            "The seeds were collected last summer from surviving meadows, stored over the winter "
            "and then planted in small hessian bags that break down on the seabed.\n\n"
            "> Seagrass is an unsung hero. It locks away carbon, it gives young fish somewhere to "
            "hide and it helps calm the waves before they reach the shore. — Dr Elspeth Moray, "
            "marine ecologist at Wrenhaven Marine Station\n\n"
            "Early monitoring suggests that around a third of seeds planted two years ago in a "
            "smaller trial have grown into established plants, which the team describe as a very "
            "good result.\n\n"
            "The project has also installed eco-friendly moorings that float above the seabed "
            "instead of dragging chains across it. Local sailing clubs have agreed to use them in "
            "the restoration area."
        ),
        "authors": ["priya-raman"],
        "tags": ["Oceans", "Wildlife"],
        "illustration": "sea",
        "hours_ago": 135,
    },
    {
        "blog": "climate-desk",
        "slug": "drought-resistant-wheat-trial",
        "headline": "Farmers trial drought-tolerant wheat after two dry summers",
        "standfirst": (
            "Thirty farms in the eastern counties are growing new wheat varieties bred to cope "
            "with hotter, drier summers, as part of a five-year study of how crops can adapt to a "
            "changing climate."
        ),
        "body": (
            "Thirty farms are taking part in a trial of wheat varieties bred to tolerate drought, "
            "following two summers in which many eastern counties saw well below average "
            "rainfall.\n\n"
            "The varieties, developed by plant breeders at the Eastern Crop Research Institute, "
            "have deeper roots and waxier leaves that lose less water. In greenhouse trials they "
            "produced up to 15% more grain than standard varieties under drought conditions.\n\n"
            "> The last two harvests were the hardest I can remember. If these varieties perform "
            "in a real field in a real dry summer, that will make a big difference to farms like "
            "mine. — Alan Breck, arable farmer\n\n"
            "The researchers say field conditions are much harder to predict than greenhouse ones, "
            "and that they want to test the crops across a range of soils and weather over several "
            "years.\n\n"
            "## What is being measured\n\n"
            "- grain yield and quality at harvest\n"
            "- how much water the crops draw from the soil\n"
            "- resistance to common diseases\n"
            "- the effect on soil health over time\n\n"
            "Results from the first year are expected after this summer's harvest."
        ),
        "authors": ["priya-raman"],
        "tags": ["Farming", "Weather"],
        "illustration": "hills",
        "hours_ago": 186,
    },
    {
        "blog": "climate-desk",
        "slug": "heat-pump-grants-oversubscribed",
        "headline": "Heat pump grant scheme oversubscribed within weeks of opening",
        "standfirst": (
            "Applications for grants to replace gas boilers with heat pumps have far exceeded the "
            "money available this year, prompting calls for the scheme to be expanded."
        ),
        "body": (
            "A government scheme offering grants of up to £7,500 towards the cost of a heat pump "
            "has been oversubscribed just five weeks after opening.\n\n"
            "The Clean Heat Grant received more than 38,000 applications for around 20,000 "
            "available grants this year. The energy department said all eligible applications "
            "would be processed in the order they were received and that unsuccessful applicants "
            "would be placed on a waiting list.\n\n"
            "> The demand is there. People want to cut their bills and their emissions, and they "
            "just need a bit of help with the upfront cost. — Siobhan Lattimer, Home Energy "
            "Installers Association\n\n"
            "Heat pumps work like a fridge in reverse, drawing warmth from the outside air or "
            "ground. They are much more efficient than gas boilers, but they can cost "
            "significantly more to install.\n\n"
            "Industry groups have called for the scheme's budget to be doubled, arguing that "
            "installers have taken on and trained staff in anticipation of higher demand.\n\n"
            "The energy department said it was pleased by the level of interest and would consider "
            "the scheme's future budget at the next spending review."
        ),
        "authors": ["priya-raman", "yusuf-demir"],
        "tags": ["Energy", "Housing"],
        "illustration": "chart",
        "hours_ago": 241,
    },
    {
        "blog": "climate-desk",
        "slug": "beavers-released-upper-tallow-valley",
        "headline": "Beavers released in the Tallow valley to help slow flooding",
        "standfirst": (
            "Two beaver families have been released into a fenced site in the upper Tallow valley, "
            "where scientists will study whether their dams can reduce flood peaks for villages "
            "downstream."
        ),
        "body": (
            "Two families of beavers have been released into a woodland enclosure in the upper "
            "Tallow valley as part of a study into natural flood management.\n\n"
            "Beavers build dams that slow the flow of water and create ponds and wetlands, which "
            "can hold back water during heavy rain. Earlier studies elsewhere have found that "
            "beaver dams can reduce peak flows during storms by a significant amount.\n\n"
            "The project's scientists will measure rainfall and river flows above and below the "
            "site for five years, comparing them with a similar stream nearby where there are no "
            "beavers.\n\n"
            "> We've got villages downstream that have flooded three times in the last decade. If "
            "beavers can help even a little bit, alongside other measures, that is worth knowing. "
            "— Fiona Haldane, Tallow Valley Catchment Partnership\n\n"
            "The release has been welcomed by wildlife groups. Some local landowners raised "
            "concerns about beavers damaging trees and drainage ditches, and the partnership says "
            "it has agreed a management plan with neighbouring farms.\n\n"
            "The beavers were relocated from a wild population where numbers have grown to the "
            "point that some animals needed to be moved."
        ),
        "authors": ["callum-reid"],
        "tags": ["Wildlife", "Weather"],
        "illustration": "hills",
        "hours_ago": 301,
    },
    {
        "blog": "climate-desk",
        "slug": "kestrel-bay-flood-defences-completed",
        "headline": "Kestrel Bay flood defences completed after four years of work",
        "standfirst": (
            "A new sea wall, raised promenade and tidal gates are designed to protect more than "
            "2,000 homes and businesses from coastal flooding, taking into account projected sea "
            "level rise."
        ),
        "body": (
            "A £64m flood defence scheme in Kestrel Bay has been completed, four years after work "
            "began.\n\n"
            "The scheme includes a taller sea wall, a raised promenade, and tidal gates on the "
            "River Kess, which can be closed when a high tide coincides with a storm surge. It is "
            "designed to protect 2,140 homes and businesses.\n\n"
            "Engineers say the defences have been built to cope with the sea level rise expected "
            "over the next fifty years, with foundations strong enough to allow the wall to be "
            "raised further in future if needed.\n\n"
            "> The last big flood here was devastating. People lost their homes and their "
            "businesses, and some never came back. This gives the town a future. — Councillor Ada "
            "Pennick, Kestrel Bay Town Council\n\n"
            "The work was partly funded by a local levy on businesses, which some traders objected "
            "to when it was introduced. The council says the promenade has also been designed to "
            "attract visitors, with new seating, lighting and a play area.\n\n"
            "Residents in areas still outside the protected zone have asked for the defences to be "
            "extended. The Waterways and Environment Agency says it is assessing options for the "
            "northern end of the bay."
        ),
        "authors": ["callum-reid", "newsroom-staff"],
        "tags": ["Weather", "Oceans", "Local Government"],
        "illustration": "sea",
        "hours_ago": 365,
    },
    {
        "blog": "climate-desk",
        "slug": "electric-buses-port-alder",
        "headline": "Port Alder's bus fleet to go fully electric within three years",
        "standfirst": (
            "The city region has ordered 240 electric buses and will convert two depots to charge "
            "them, in a deal that officials say will cut emissions and running costs."
        ),
        "body": (
            "All buses in Port Alder will be electric within three years, under a deal announced "
            "by the city region's transport authority.\n\n"
            "The authority has ordered 240 electric buses, which will replace older diesel "
            "vehicles on every route. Two depots will be fitted with overnight chargers and a new "
            "substation will be built at the largest depot in Kellaway.\n\n"
            "> Cleaner air, quieter streets and lower running costs. Electric buses are good for "
            "passengers, for drivers and for the city's finances. — Rhiannon Tate, Mayor of the "
            "Port Alder city region\n\n"
            "The cost of the buses is being shared between the city region and a national fund for "
            "zero-emission transport. Officials say the lower cost of electricity compared with "
            "diesel, and less maintenance, should save around £4m a year once the whole fleet has "
            "been replaced.\n\n"
            "Air quality campaigners welcomed the move. Diesel buses are a significant source of "
            "nitrogen dioxide on some of the city's busiest roads.\n\n"
            "Drivers will be trained on the new vehicles over the coming months. The first routes "
            "to switch over will be those serving the city's main hospital and university campus."
        ),
        "authors": ["yusuf-demir"],
        "tags": ["Transport", "Energy", "Health"],
        "illustration": "skyline",
        "hours_ago": 433,
    },
    {
        "blog": "climate-desk",
        "slug": "kelp-forest-survey",
        "headline": "Kelp forests recovering along the northern coast, divers find",
        "standfirst": (
            "A survey by volunteer divers and scientists has found kelp returning to areas where "
            "it had almost vanished, two years after restrictions on bottom trawling were "
            "introduced."
        ),
        "body": (
            "Kelp forests are returning to parts of the northern coast where they had almost "
            "disappeared, according to a survey by scientists and volunteer divers.\n\n"
            "The survey covered 40 sites between Carrow Point and Selby Head. At 11 of them, "
            "divers found kelp growing densely in areas where there had been little or none five "
            "years ago.\n\n"
            "The recovery follows restrictions on bottom trawling introduced two years ago across "
            "a large area of coastal water. Trawling nets dragged along the seabed can tear up "
            "kelp and the rocks it grows on.\n\n"
            "> It's like watching a forest grow back in fast forward. Kelp can grow half a metre "
            "in a good month, and with it come the fish, crabs and seals. — Dr Tamsin Rowe, "
            "Northern Coast Marine Survey\n\n"
            "Kelp forests are among the most productive habitats in the sea. They provide food and "
            "shelter for hundreds of species and help protect the coast from storms by reducing "
            "wave energy.\n\n"
            "Some fishing groups say the restrictions have cost jobs and have called for a review. "
            "The survey's authors say the area should be monitored for several more years before "
            "any decisions are made."
        ),
        "authors": ["priya-raman"],
        "tags": ["Oceans", "Wildlife"],
        "illustration": "sea",
        "hours_ago": 504,
    },
    {
        "blog": "climate-desk",
        "slug": "school-air-quality-monitors",
        "headline": "Air quality monitors to be installed outside 300 schools",
        "standfirst": (
            "Sensors will measure pollution at school gates across the country, with results "
            "published online so that parents and councils can see how air quality changes through "
            "the day."
        ),
        "body": (
            "Air quality sensors are to be installed outside 300 schools, under a scheme announced "
            "by the health and environment departments.\n\n"
            "The sensors will measure levels of nitrogen dioxide and fine particles, which are "
            "linked to breathing problems and can be particularly harmful to children. The results "
            "will be published online and updated every hour.\n\n"
            "Schools were chosen based on their proximity to busy roads and applications from head "
            "teachers and parent groups.\n\n"
            "> Parents have been asking about this for years. You can't change what you don't "
            "measure, and now we will know what our children are breathing. — Dr Kwame Adjei, "
            "respiratory consultant and campaigner\n\n"
            "Some councils already close roads outside schools at drop-off and pick-up times, and "
            "early results suggest this can reduce pollution at the school gate.\n\n"
            "Our data team will be analysing the readings as they are published. We plan to "
            "produce a map showing average pollution levels outside each school once there is a "
            "full term of data.\n\n"
            "The scheme will run for two years, after which it will be evaluated."
        ),
        "authors": ["niamh-doyle"],
        "tags": ["Health", "Education", "Transport"],
        "illustration": "chart",
        "hours_ago": 580,
    },
    {
        "blog": "climate-desk",
        "slug": "moorland-wildfire-risk",
        "headline": "Fire services warn of high wildfire risk on moorland after dry spell",
        "standfirst": (
            "Firefighters are urging walkers not to light barbecues or campfires on the uplands "
            "after three weeks with almost no rain left heather and grass tinder dry."
        ),
        "body": (
            "Fire services across the northern uplands have warned of a very high risk of "
            "wildfires after an unusually dry start to spring.\n\n"
            "Most areas have had less than a quarter of their usual rainfall over the past three "
            "weeks. Heather and dead grass on the moors are extremely dry and can catch fire "
            "easily.\n\n"
            "Visitors are being asked not to use disposable barbecues or light campfires, and to "
            "take litter home, as glass bottles can focus sunlight and start fires.\n\n"
            "> A single careless moment can destroy habitats that have taken decades to grow and "
            "put firefighters at risk. Please enjoy the countryside, but don't light fires. — "
            "Group Manager Hugh Danvers, Upland Fire and Rescue Service\n\n"
            "Moorland fires can burn for days, releasing carbon stored in peat soils and harming "
            "ground-nesting birds, which are now beginning their breeding season.\n\n"
            "Several landowners have closed car parks in the most vulnerable areas. Rain is "
            "forecast later in the week, which is expected to reduce the risk, at least "
            "temporarily."
        ),
        "authors": ["newsroom-wire-desk"],
        "tags": ["Weather", "Wildlife"],
        "illustration": "hills",
        "hours_ago": 659,
    },
    {
        "blog": "climate-desk",
        "slug": "community-solar-cooperative",
        "headline": "Village solar co-operative pays first dividend to members",
        "standfirst": (
            "A community-owned solar farm near Hollins Ford has paid out to its 600 members for "
            "the first time, and is using a share of its profits to insulate homes in the village."
        ),
        "body": (
            "A community-owned solar farm near Hollins Ford has paid its first dividend to "
            "members, three years after local residents raised money to build it.\n\n"
            "The Tallow Sun co-operative has 600 members, most of whom live within ten miles of "
            "the site. They invested between £50 and £20,000 each to build the 5 megawatt solar "
            "farm, which generates enough electricity for around 1,500 homes.\n\n"
            "Members will receive a return of 4% this year. The co-operative has also set aside "
            "£45,000 to pay for loft and wall insulation in homes in the village, prioritising "
            "older residents and families on low incomes.\n\n"
            "> We wanted the benefits of clean energy to stay in the community, not just on the "
            "bills but in people's homes. — Rosa Whitcombe, chair of Tallow Sun\n\n"
            "Sheep graze between the panels, and the co-operative has planted wildflower margins "
            "around the site.\n\n"
            "The group is now looking at adding battery storage so that it can supply power in the "
            "evenings. Similar co-operatives have been set up in several other villages in recent "
            "years, often with support from local councils."
        ),
        "authors": ["priya-raman"],
        "tags": ["Energy", "Local Government"],
        "illustration": "turbines",
        "hours_ago": 741,
    },
    {
        "blog": "climate-desk",
        "slug": "swallows-arrive-early",
        "headline": "Swallows and house martins arriving earlier, birdwatchers' records show",
        "standfirst": (
            "Sightings submitted by thousands of volunteers suggest that some migrating birds are "
            "returning from Africa around a week earlier than they did thirty years ago."
        ),
        "body": (
            "Swallows, house martins and other migrating birds are arriving earlier in spring than "
            "they did a generation ago, according to an analysis of sightings recorded by "
            "volunteer birdwatchers.\n\n"
            "The National Bird Records Trust analysed more than two million records submitted "
            "since the early 1990s. It found that the average first arrival date for swallows has "
            "moved forward by around eight days.\n\n"
            "> Volunteers have built up an extraordinary record over three decades. It tells us "
            "that nature is responding to warmer springs, though not every species is keeping "
            "pace. — Dr Harriet Lyle, National Bird Records Trust\n\n"
            "Scientists say earlier arrivals are likely to be linked to warmer temperatures both "
            "here and along the birds' migration routes. However, the insects birds rely on to "
            "feed their chicks are also emerging earlier, and in some cases the timing no longer "
            "matches.\n\n"
            "The trust is asking the public to submit their first sightings of swallows, swifts "
            "and cuckoos this spring. Records can be sent in through its website or its free app."
        ),
        "authors": ["callum-reid"],
        "tags": ["Wildlife", "Weather"],
        "illustration": "hills",
        "hours_ago": 826,
    },
    {
        "blog": "climate-desk",
        "slug": "talsund-climate-talks-preview",
        "headline": "Talsund climate talks: what's at stake as negotiators gather",
        "standfirst": (
            "Delegates from more than 190 countries meet this week in Talsund for talks on climate "
            "finance, emissions targets and how to help the countries most exposed to extreme "
            "weather."
        ),
        "body": (
            "International climate talks open in Talsund this week, with negotiators expected to "
            "focus on money to help poorer countries cut emissions and adapt to the effects of "
            "climate change.\n\n"
            "Here is what to look out for over the two weeks of talks.\n\n"
            "## Climate finance\n\n"
            "Richer countries previously agreed to provide a set amount of climate finance every "
            "year, but developing countries say the figure is far too low and that much of it has "
            "come as loans rather than grants.\n\n"
            "## Emissions targets\n\n"
            "Countries are due to submit updated plans for cutting emissions. Analysts say current "
            "plans still fall well short of what would be needed to meet the goals countries "
            "signed up to.\n\n"
            "## Loss and damage\n\n"
            "A fund to help countries recover from climate-related disasters was set up at "
            "previous talks. The question now is how much money goes into it and who decides how "
            "it is spent.\n\n"
            "> The science is settled; the money is not. That is where the hard bargaining will "
            "be. — Ingrid Solberg, veteran climate negotiator\n\n"
            "Our climate correspondent will be reporting from Talsund throughout the talks."
        ),
        "authors": ["priya-raman", "newsroom-wire-desk"],
        "tags": ["Energy", "Weather"],
        "illustration": "skyline",
        "hours_ago": 915,
    },
    {
        "blog": "tech-live",
        "slug": "council-ai-assistant-trial",
        "headline": (
            "Council trials AI assistant to answer residents' questions about bins and benefits"
        ),
        "standfirst": (
            "Eastbridge Borough Council is testing a chatbot that answers common questions on its "
            "website, but says staff will check its answers and residents can always ask to speak "
            "to a person."
        ),
        "body": (
            "Eastbridge Borough Council has begun a six-month trial of an artificial intelligence "
            "assistant that answers residents' questions on its website.\n\n"
            "The assistant has been trained on the council's own web pages and policies, and is "
            "designed to answer everyday questions such as when bins are collected, how to apply "
            "for a parking permit or who is eligible for help with council tax.\n\n"
            "The council says the assistant will not make decisions on applications, and that "
            "every conversation includes an option to be passed to a member of staff.\n\n"
            "> We are being careful. It is there to help people find information faster, not to "
            "replace the people who help residents with complicated problems. — Dominic Ashby, the "
            "council's head of digital services\n\n"
            "Council staff will review a sample of conversations every week to check that the "
            "answers are accurate. Any errors will be published in a monthly report.\n\n"
            "Digital rights groups said councils should be open about how such tools are tested. "
            "They warned that chatbots can give confident but wrong answers, which could be "
            "especially harmful on benefits or housing questions.\n\n"
            "The council said conversations would be deleted after 30 days and would not be used "
            "to train other products."
        ),
        "authors": ["hana-sato"],
        "tags": ["Artificial Intelligence", "Local Government"],
        "illustration": "network",
        "hours_ago": 6,
    },
    {
        "blog": "tech-live",
        "slug": "brightmart-data-breach",
        "headline": "Brightmart customers urged to change passwords after data breach",
        "standfirst": (
            "The online retailer says names, email addresses and order histories of around 1.3 "
            "million customers were accessed by hackers, although it believes payment card details "
            "were not affected."
        ),
        "body": (
            "The online retailer Brightmart has told customers to change their passwords after "
            "hackers gained access to a database containing personal details.\n\n"
            "The company says the names, email addresses, delivery addresses and order histories "
            "of around 1.3 million customers were accessed. Passwords were stored in a scrambled "
            "form, but the company is asking customers to change them as a precaution.\n\n"
            "Brightmart says it does not believe payment card details were affected, as these are "
            "held by a separate payment provider.\n\n"
            "> We are deeply sorry. We have closed the vulnerability, we are working with "
            "specialist investigators and we have informed the regulator. — Keira Lomax, chief "
            "executive of Brightmart\n\n"
            "## What customers should do\n\n"
            "- change your Brightmart password, and any other account where you used the same one\n"
            "- turn on two-step verification where it is offered\n"
            "- be wary of emails or texts that mention your recent orders and ask you to click a "
            "link\n\n"
            "Security experts warn that criminals often use stolen order details to make scam "
            "messages look more convincing. The Information Rights Office confirmed it had "
            "received a report from the company and was making enquiries."
        ),
        "authors": ["mateo-alvarez"],
        "tags": ["Cybersecurity", "Privacy"],
        "illustration": "network",
        "hours_ago": 29,
    },
    {
        "blog": "tech-live",
        "slug": "northreach-spaceport-first-launch",
        "headline": "First satellite launch from Northreach Spaceport ends in success",
        "standfirst": (
            "A small rocket carrying two weather satellites and a university experiment has "
            "reached orbit from the remote Northreach peninsula, in the first orbital launch from "
            "the site."
        ),
        "body": (
            "A rocket carrying three satellites has reached orbit after lifting off from "
            "Northreach Spaceport, the first successful orbital launch from the site.\n\n"
            "The 18-metre Skylark rocket, built by the start-up Corvid Launch, left the pad "
            "shortly after 6am and released its payloads into orbit about nine minutes later.\n\n"
            "On board were two small weather satellites and an experiment built by students at "
            "Carrick University to measure radiation in low Earth orbit.\n\n"
            "> There were a lot of people holding their breath in the control room this morning. "
            "Years of work came down to a few minutes, and it worked. — Lena Tvedt, chief "
            "executive of Corvid Launch\n\n"
            "The spaceport was built on a former military site on the Northreach peninsula. "
            "Supporters say it will bring skilled jobs to a remote area, while some residents have "
            "raised concerns about noise, road traffic and the effect on wildlife on the "
            "surrounding moorland.\n\n"
            "An earlier attempt was called off last autumn after a fault was found in an engine "
            "valve during the final countdown.\n\n"
            "Corvid Launch says it hopes to carry out four more launches from Northreach over the "
            "next year."
        ),
        "authors": ["mateo-alvarez", "newsroom-wire-desk"],
        "tags": ["Space", "Start-ups"],
        "illustration": "map",
        "hours_ago": 62,
    },
    {
        "blog": "tech-live",
        "slug": "battery-recycling-start-up-funding",
        "headline": "Battery recycling start-up raises £40m to build its first plant",
        "standfirst": (
            "Cellcycle, founded by two engineering graduates in Port Alder, says its process can "
            "recover most of the lithium, nickel and cobalt from used electric car batteries."
        ),
        "body": (
            "A start-up that recycles electric car batteries has raised £40m from investors to "
            "build its first full-scale plant.\n\n"
            "Cellcycle was founded four years ago by Ayesha Karim and Joel Marsden, who met while "
            "studying chemical engineering at Port Alder University. The company says its process "
            "recovers more than 90% of the lithium, nickel and cobalt in used batteries, using "
            "less energy than traditional methods.\n\n"
            "> Every battery that reaches the end of its life is a small mine. The question is "
            "whether we recover those materials here or ship them abroad. — Ayesha Karim, "
            "co-founder of Cellcycle\n\n"
            "The plant, on a former steelworks site on the edge of the city, will be able to "
            "process batteries from around 20,000 cars a year when it opens. The company expects "
            "to employ about 150 people there.\n\n"
            "Far more electric cars are expected to reach the end of their lives over the next "
            "decade, and analysts say recycling capacity will need to grow rapidly to keep up.\n\n"
            "The funding round was led by a clean technology investment fund, with support from "
            "the national development bank."
        ),
        "authors": ["hana-sato"],
        "tags": ["Start-ups", "Energy", "Transport"],
        "illustration": "chart",
        "hours_ago": 101,
    },
    {
        "blog": "tech-live",
        "slug": "facial-recognition-consultation",
        "headline": "Regulator asks for views on police use of live facial recognition",
        "standfirst": (
            "The Information Rights Office has opened a consultation on draft guidance for police "
            "forces using cameras that scan faces in crowds, including rules on watchlists and "
            "signage."
        ),
        "body": (
            "The Information Rights Office has published draft guidance on how police forces "
            "should use live facial recognition, and is asking the public for their views.\n\n"
            "Live facial recognition uses cameras to scan the faces of people passing by and "
            "compare them with a watchlist of people the police are looking for. Several forces "
            "have trialled the technology at shopping centres, sports events and concerts.\n\n"
            "Under the draft guidance, forces would have to:\n\n"
            "- explain why each deployment is necessary and proportionate\n"
            "- put up clear signs before people enter the area covered by cameras\n"
            "- delete images of people not on a watchlist immediately\n"
            "- publish the results of each deployment, including false alerts\n\n"
            "> This technology can help find people who pose a real danger, but it also affects "
            "the privacy of everyone who walks past the camera. The rules need to reflect both. — "
            "Simone Achebe, Information Rights Commissioner\n\n"
            "Civil liberties groups say the guidance does not go far enough and have called for a "
            "law setting out when the technology can be used. Police leaders say it has helped "
            "them arrest suspects wanted for serious offences.\n\n"
            "The consultation closes in ten weeks."
        ),
        "authors": ["mateo-alvarez"],
        "tags": ["Privacy", "Artificial Intelligence"],
        "illustration": "network",
        "hours_ago": 147,
    },
    {
        "blog": "tech-live",
        "slug": "rural-broadband-delay",
        "headline": "Rural broadband upgrade delayed by up to two years in some areas",
        "standfirst": (
            "Around 80,000 homes in remote areas will wait longer than promised for full-fibre "
            "broadband, after contracts in three regions were redrawn following disputes over "
            "costs."
        ),
        "body": (
            "Tens of thousands of homes in rural areas will have to wait up to two years longer "
            "than planned for faster broadband, the government has confirmed.\n\n"
            "The delays affect around 80,000 properties in three regions, where contracts to build "
            "full-fibre networks were renegotiated after suppliers said the original costs were no "
            "longer realistic.\n\n"
            "Many of the affected homes currently rely on connections of less than 10 megabits per "
            "second, which can make it difficult to work from home, use online banking or help "
            "children with homework.\n\n"
            "> I run a business from my kitchen table. Some days I drive to a car park in town "
            "just to upload files. Another two years of this is really hard to hear. — Moira "
            "Calloway, graphic designer in the upper Tallow valley\n\n"
            "The digital infrastructure department said it remained committed to reaching every "
            "home and that it would offer vouchers towards satellite or wireless connections for "
            "those facing the longest waits.\n\n"
            "Opposition MPs said rural communities had been let down, and called for a full list "
            "of affected postcodes to be published. The department said it would write to affected "
            "households within a month."
        ),
        "authors": ["hana-sato"],
        "tags": ["Local Government", "Education"],
        "illustration": "map",
        "hours_ago": 199,
    },
    {
        "blog": "tech-live",
        "slug": "hospital-ransomware-attack",
        "headline": "Hospitals postpone appointments after ransomware attack on IT supplier",
        "standfirst": (
            "Two hospital trusts have cancelled some outpatient appointments and returned to paper "
            "records after a cyber attack on a company that provides their pathology systems."
        ),
        "body": (
            "Two hospital trusts have postponed some appointments and blood tests after a "
            "ransomware attack on a company that supplies their laboratory systems.\n\n"
            "The attack on Meridian Lab Systems has affected the ability of Kestrel Bay General "
            "Hospital and Carrick Royal Infirmary to process blood test results quickly. Staff are "
            "using paper forms and phoning results to wards.\n\n"
            "Emergency departments remain open, and patients are being told to attend appointments "
            "unless they are contacted directly.\n\n"
            "> Our priority is keeping patients safe. Staff are working extremely hard to keep "
            "essential services running while the systems are restored. — Dr Naomi Fairbairn, "
            "medical director at Kestrel Bay General Hospital\n\n"
            "Ransomware is a type of attack in which criminals lock up computer systems and demand "
            "payment to restore them. They often also threaten to publish stolen data.\n\n"
            "The National Cyber Defence Centre said it was working with the company and the "
            "hospitals to understand the scale of the attack. Meridian said it had taken systems "
            "offline as a precaution and was restoring services from backups.\n\n"
            "Patients with questions are being asked to use the hospitals' websites rather than "
            "call switchboards, which are extremely busy."
        ),
        "authors": ["mateo-alvarez"],
        "tags": ["Cybersecurity", "Health"],
        "illustration": "network",
        "hours_ago": 255,
    },
    {
        "blog": "tech-live",
        "slug": "archive-ai-transcription-project",
        "headline": "AI used to transcribe 60 years of local radio archive",
        "standfirst": (
            "A project at the national sound archive has used speech recognition to make tens of "
            "thousands of hours of old regional radio programmes searchable for the first time."
        ),
        "body": (
            "Tens of thousands of hours of old regional radio programmes can now be searched by "
            "keyword, after a project that used artificial intelligence to transcribe them.\n\n"
            "The national sound archive used speech recognition software to produce transcripts of "
            "more than 48,000 hours of recordings, going back to the early 1960s. Until now, most "
            "recordings could only be found using brief handwritten catalogue cards.\n\n"
            "> We have interviews with miners, fishermen, shopkeepers and teachers talking about "
            "their lives in their own words. Now a researcher can find them in seconds instead of "
            "weeks. — Dr Rupert Anand, head of collections at the national sound archive\n\n"
            "The archive says the transcripts are not perfect, particularly with strong regional "
            "accents, old recordings with background noise, and words in minority languages. Each "
            "transcript is labelled as machine-generated, and volunteers are being invited to "
            "correct errors.\n\n"
            "Archivists checked a sample of the work by hand and estimate that around nine in ten "
            "words are transcribed correctly.\n\n"
            "The transcripts are available to search on the [archive's "
            "website](https://example.org/sound-archive/search), with the original recordings "
            "available to listen to for most programmes."
        ),
        "authors": ["hana-sato", "grace-mensah"],
        "tags": ["Artificial Intelligence", "Heritage"],
        "illustration": "books",
        "hours_ago": 316,
    },
    {
        "blog": "tech-live",
        "slug": "driverless-shuttle-trial",
        "headline": "Driverless shuttle bus begins carrying passengers at Carrick science park",
        "standfirst": (
            "A self-driving minibus is running a two-mile loop between Carrick railway station and "
            "the science park, with a safety operator on board who can take control if needed."
        ),
        "body": (
            "A self-driving shuttle bus has started carrying passengers on a route between Carrick "
            "railway station and the city's science park.\n\n"
            "The 15-seat electric shuttle travels at up to 20mph along a two-mile route that "
            "includes roundabouts, pedestrian crossings and a stretch of road shared with "
            "cyclists. It runs every fifteen minutes on weekdays.\n\n"
            "A trained safety operator will be on board for the whole of the year-long trial, and "
            "can take control of the vehicle at any time.\n\n"
            "> Passengers seem more curious than nervous. The main question we get is where the "
            "steering wheel is. — Gareth Nwosu, project manager for the trial\n\n"
            "The trial will test how the shuttle copes with real traffic, bad weather and "
            "unexpected events such as roadworks. Data from its sensors will be shared with "
            "researchers at Carrick University.\n\n"
            "Road safety campaigners say trials like this must be closely monitored and that any "
            "incidents should be reported publicly. The operator says it will publish a summary of "
            "performance every three months.\n\n"
            "If the trial is successful, the city hopes to extend the service to the hospital and "
            "a nearby housing estate."
        ),
        "authors": ["hana-sato"],
        "tags": ["Transport", "Artificial Intelligence"],
        "illustration": "skyline",
        "hours_ago": 381,
    },
    {
        "blog": "tech-live",
        "slug": "scam-text-warning",
        "headline": "Warning over surge in fake parcel and toll scam texts",
        "standfirst": (
            "Reports of scam text messages pretending to come from delivery firms and road toll "
            "operators have more than doubled in three months, according to the national fraud "
            "reporting centre."
        ),
        "body": (
            "People are being warned to be on their guard after a sharp rise in scam text messages "
            "pretending to come from parcel delivery companies and road toll operators.\n\n"
            "The national fraud reporting centre said it had received more than 210,000 reports of "
            "such messages in the last three months, more than double the previous quarter.\n\n"
            "The texts typically say a parcel could not be delivered or that a toll charge is "
            "unpaid, and include a link to a website that asks for card details.\n\n"
            "> These messages are designed to make you act quickly without thinking. If you are "
            "not expecting a parcel, or a text asks for payment details, stop and check. — "
            "Detective Inspector Lorna Beckett, national fraud reporting centre\n\n"
            "Criminals send huge numbers of messages, often using lists of phone numbers bought "
            "online. Only a small proportion of recipients need to respond for the scams to be "
            "profitable.\n\n"
            "Mobile networks say they have blocked millions of scam messages this year, but that "
            "criminals keep changing their tactics.\n\n"
            "People can forward suspicious texts to their network's free scam reporting number, "
            "which helps networks block the sender."
        ),
        "authors": ["mateo-alvarez"],
        "tags": ["Cybersecurity", "Privacy"],
        "illustration": "network",
        "hours_ago": 450,
    },
    {
        "blog": "tech-live",
        "slug": "quantum-lab-opens",
        "headline": "New quantum computing laboratory opens at Carrick University",
        "standfirst": (
            "The £95m centre will bring together physicists, engineers and computer scientists, "
            "and aims to build machines that can solve problems beyond the reach of today's "
            "computers."
        ),
        "body": (
            "A £95m quantum computing laboratory has opened at Carrick University, with space for "
            "around 200 researchers.\n\n"
            "Quantum computers use the strange properties of particles at very small scales to "
            "process information in a fundamentally different way from ordinary computers. In "
            "principle, they could one day help design new medicines and materials or make energy "
            "grids more efficient.\n\n"
            "However, today's machines are small and prone to errors, and experts say useful "
            "everyday applications may still be many years away.\n\n"
            "> We are honest with people about the timescales. This is a marathon, not a sprint, "
            "but the foundations we build now will matter enormously. — Professor Amira "
            "Castellanos, director of the Carrick Quantum Centre\n\n"
            "The centre includes clean rooms for building quantum chips, a teaching laboratory and "
            "space for start-up companies spun out of university research.\n\n"
            "It was funded jointly by the government, the university and several technology "
            "companies. Three start-ups have already agreed to move into the building.\n\n"
            "The university says it also plans to offer short courses for schoolteachers, so they "
            "can introduce the ideas behind quantum computing in the classroom."
        ),
        "authors": ["hana-sato"],
        "tags": ["Education", "Start-ups"],
        "illustration": "network",
        "hours_ago": 523,
    },
    {
        "blog": "tech-live",
        "slug": "games-industry-jobs-report",
        "headline": "Video games industry employs more people than ever, report says",
        "standfirst": (
            "The number of people working in game development has grown by 12% in two years, "
            "according to an industry survey, although some studios have cut jobs as costs rise."
        ),
        "body": (
            "More people are working in the video games industry than ever before, according to a "
            "survey published by the Interactive Entertainment Council.\n\n"
            "The survey estimates that around 31,000 people work in game development, up 12% in "
            "two years. More than half work for studios with fewer than 50 staff.\n\n"
            "Port Alder and Carrick have the largest concentrations of studios outside the "
            "capital, helped by university courses in game design and a number of successful "
            "independent companies.\n\n"
            "> Smaller studios are the backbone of the industry. They take creative risks, and "
            "when they succeed, they often grow into the employers of the future. — Priyanka "
            "Sethi, chief executive of the Interactive Entertainment Council\n\n"
            "The report also notes that several larger studios have reduced staff over the past "
            "year, blaming rising development costs and a more cautious investment climate.\n\n"
            "Women make up around a quarter of the workforce, up from a fifth five years ago. The "
            "council said progress was too slow and announced a mentoring scheme for new entrants "
            "from under-represented groups."
        ),
        "authors": ["niamh-doyle"],
        "tags": ["Start-ups", "Education"],
        "illustration": "chart",
        "hours_ago": 599,
    },
    {
        "blog": "tech-live",
        "slug": "digital-id-app-consultation",
        "headline": "Government proposes optional digital identity app for public services",
        "standfirst": (
            "A consultation sets out plans for a free app that would let people prove their age "
            "and identity online, but privacy campaigners say strong legal safeguards are needed."
        ),
        "body": (
            "The government has published proposals for an optional digital identity app, which "
            "would allow people to prove who they are when using public services online.\n\n"
            "Under the plans, people could use the app to prove their age when buying "
            "age-restricted products, to apply for a passport or to access tax and benefit "
            "accounts. Ministers stress that using the app would be voluntary and that paper "
            "documents would continue to be accepted.\n\n"
            "> This is about convenience and security. People should be able to prove who they are "
            "without posting copies of their passport or sharing more data than they need to. — "
            "Edmund Sayle, minister for digital government\n\n"
            "Privacy campaigners said the app could be useful but warned that it must not become "
            "compulsory by the back door. They called for legal limits on how data from the app "
            "can be used and shared.\n\n"
            "The consultation asks whether the app should store data on the phone itself rather "
            "than in a central database, and how people without smartphones would be supported.\n\n"
            "It is open for twelve weeks, and a bill could be introduced to Parliament next year."
        ),
        "authors": ["mateo-alvarez", "tomas-lindqvist"],
        "tags": ["Privacy", "Parliament"],
        "illustration": "network",
        "hours_ago": 679,
    },
    {
        "blog": "tech-live",
        "slug": "student-lunar-rover",
        "headline": "Student-built rover selected to fly on a commercial Moon mission",
        "standfirst": (
            "A shoebox-sized rover designed by engineering students in Port Alder will ride to the "
            "Moon on a private lander, where it will try to photograph and map a small patch of "
            "the surface."
        ),
        "body": (
            "A tiny rover designed and built by students at Port Alder University has been "
            "selected to fly to the Moon on a commercial lunar lander.\n\n"
            "The rover, nicknamed Dormouse, weighs just under 2kg and is about the size of a "
            "shoebox. It will be carried on a lander operated by a private company, which is due "
            "to launch in around eighteen months.\n\n"
            "If all goes to plan, Dormouse will roll off the lander and spend up to ten days "
            "driving short distances, photographing the surface and testing how its wheels cope "
            "with fine lunar dust.\n\n"
            "> Most of us were still at school when this project started. The idea that something "
            "we built in a workshop in Port Alder might end up on the Moon is hard to take in. — "
            "Kofi Mensah-Clarke, student team leader\n\n"
            "The project has involved more than 60 students over five years, and has been "
            "supported by the university's engineering department and several local companies.\n\n"
            "The team says that landing on the Moon remains risky, and that a number of recent "
            "missions have failed during their final descent. Even so, they say the experience of "
            "building flight hardware will be invaluable."
        ),
        "authors": ["mateo-alvarez"],
        "tags": ["Space", "Education"],
        "illustration": "map",
        "hours_ago": 762,
    },
    {
        "blog": "tech-live",
        "slug": "right-to-repair-rules",
        "headline": "New right-to-repair rules to cover phones, laptops and tablets",
        "standfirst": (
            "Manufacturers will have to make spare parts and repair manuals available for at least "
            "seven years after a model goes off sale, under regulations due to take effect next "
            "year."
        ),
        "body": (
            "Phones, laptops and tablets are to be covered by new right-to-repair regulations, "
            "which will require manufacturers to make spare parts available for years after a "
            "device goes off sale.\n\n"
            "Under the rules, manufacturers will have to supply parts such as batteries and "
            "screens to independent repairers and members of the public for at least seven years. "
            "They will also have to publish repair manuals and must not use software to block the "
            "use of genuine replacement parts.\n\n"
            "> Too many people throw away a perfectly good phone because a battery or screen can't "
            "be replaced at a sensible price. These rules change that. — Imran Shah, minister for "
            "consumer affairs\n\n"
            "Repair shops welcomed the rules, saying they had struggled to obtain parts for some "
            "popular models. Environmental groups said they would cut electronic waste, which is "
            "one of the fastest-growing types of household rubbish.\n\n"
            "Some manufacturers said the requirements could increase costs and raise security "
            "concerns if devices were opened by untrained people.\n\n"
            "The regulations are due to come into force next spring, with a one-year transition "
            "period for existing models."
        ),
        "authors": ["hana-sato"],
        "tags": ["Parliament", "Start-ups"],
        "illustration": "network",
        "hours_ago": 848,
    },
    {
        "blog": "tech-live",
        "slug": "school-phone-policy-study",
        "headline": "Study finds mixed results from school smartphone bans",
        "standfirst": (
            "Researchers who followed 40 secondary schools for two years found that banning phones "
            "during the school day reduced reported distraction, but had little measurable effect "
            "on exam results."
        ),
        "body": (
            "A two-year study of secondary schools has found that banning smartphones during the "
            "school day reduced distraction in lessons, but made little difference to exam "
            "results.\n\n"
            "Researchers at Carrick University followed 40 schools, half of which introduced a ban "
            "on phones from the start to the end of the day. The other half allowed phones at "
            "break and lunchtime.\n\n"
            "Pupils in schools with bans reported being distracted in lessons less often, and "
            "teachers said they spent less time dealing with phone-related incidents. But the "
            "researchers found no significant difference in test scores or in pupils' reported "
            "wellbeing.\n\n"
            "> Phone bans are not a magic solution. They seem to help with calm in the classroom, "
            "but what young people do on their phones outside school matters at least as much. — "
            "Dr Helena Okoro, lead author of the study\n\n"
            "The study found that time spent on phones in the evening was more closely linked to "
            "lower sleep and wellbeing than phone use during the school day.\n\n"
            "Several education groups said the findings showed that schools needed support on "
            "digital wellbeing, not just rules. The Department for Education said it would "
            "consider the study as part of its review of guidance on mobile phones."
        ),
        "authors": ["niamh-doyle"],
        "tags": ["Education", "Health"],
        "illustration": "chart",
        "hours_ago": 937,
    },
    {
        "blog": "culture-live",
        "slug": "port-alder-film-festival-opens",
        "headline": "Port Alder Film Festival opens with a homegrown drama about a fishing town",
        "standfirst": (
            "The festival's 30th edition begins tonight with the premiere of The Long Tide, filmed "
            "entirely in Kestrel Bay with a cast that includes dozens of local residents."
        ),
        "body": (
            "The Port Alder Film Festival opens tonight with the premiere of The Long Tide, a "
            "drama about a fishing family facing the closure of their harbour.\n\n"
            "The film was shot over ten weeks in Kestrel Bay, and more than 80 residents appear as "
            "extras. Several smaller speaking roles went to people who had never acted before, "
            "cast after open auditions in the town hall.\n\n"
            "> We wanted the town to be a character in the film, not just a backdrop. The people "
            "of Kestrel Bay gave us their stories, their boats and a lot of cups of tea. — Orla "
            "Brennock, director of The Long Tide\n\n"
            "This year's festival, its 30th, will screen 142 films from 38 countries over eleven "
            "days, with venues ranging from the city's main cinema to a converted tram shed.\n\n"
            "Festival director Jonas Whitlow said the programme placed a particular emphasis on "
            "first-time filmmakers, with a dedicated competition for debut features.\n\n"
            "Tickets for the opening gala sold out within an hour, but the festival says there are "
            "still seats available for most screenings, including free outdoor showings in Harbour "
            "Square every evening."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Film"],
        "illustration": "stage",
        "hours_ago": 11,
    },
    {
        "blog": "culture-live",
        "slug": "harbour-prize-shortlist",
        "headline": "Debut novelists dominate the Harbour Prize for fiction shortlist",
        "standfirst": (
            "Four of the six books shortlisted for this year's Harbour Prize are first novels, "
            "including a story told entirely through letters and a thriller set on a night train."
        ),
        "body": (
            "The shortlist for this year's Harbour Prize for fiction has been announced, with "
            "debut novels taking four of the six places.\n\n"
            "The shortlisted books are:\n\n"
            "- The Salt Letters by Miriam Achterberg\n"
            "- Night Train to Orsk by Declan Frew\n"
            "- The House at Lowmoor by Yetunde Bako\n"
            "- Small Hours by Silas Penrose\n"
            "- A Map of Lost Rivers by Ines Vargas-Holt\n"
            "- The Glassblower's Daughter by Karin Ostrova\n\n"
            "The judges read 164 novels submitted by publishers over the past year.\n\n"
            "> It was a year of remarkable first novels, full of ambition and willing to take "
            "risks with form. Choosing six was agonising. — Tobias Rennard, chair of the judges\n\n"
            "The Salt Letters is told entirely through letters between two sisters over forty "
            "years, while Night Train to Orsk is a tense thriller that takes place over a single "
            "night.\n\n"
            "The winner, who will receive £25,000, will be announced at a ceremony in Carrick next "
            "month. Each shortlisted author receives £2,500."
        ),
        "authors": ["grace-mensah"],
        "tags": ["Books"],
        "illustration": "books",
        "hours_ago": 37,
    },
    {
        "blog": "culture-live",
        "slug": "arts-funding-reaction",
        "headline": "Arts organisations react with relief and concern to budget funding settlement",
        "standfirst": (
            "The spring budget maintained the national arts council's grant for the year ahead, "
            "but arts leaders warn that rising costs mean a standstill budget is effectively a cut."
        ),
        "body": (
            "Arts organisations have responded with a mixture of relief and concern to the spring "
            "budget, which kept the national arts council's funding at the same level as last "
            "year.\n\n"
            "Many in the sector had feared a cut, after reports earlier in the year that the "
            "culture department had been asked to find savings.\n\n"
            "However, arts leaders point out that the cost of energy, materials and wages has "
            "risen sharply, meaning the same grant now pays for less.\n\n"
            "> We're grateful not to be facing a cut, but a frozen budget means fewer productions, "
            "fewer tours and fewer opportunities for young people. That is the reality. — Gwen "
            "Harrowby, chief executive of the Theatres Alliance\n\n"
            "The budget did include a new £20m fund for repairs to historic theatres and music "
            "halls, which was widely welcomed. Several of the country's older theatres have had to "
            "close temporarily in recent years because of problems with roofs and wiring.\n\n"
            "The culture department said the settlement showed the government's commitment to the "
            "arts during a difficult period for the public finances."
        ),
        "authors": ["grace-mensah", "yusuf-demir"],
        "tags": ["Budget", "Theatre", "Music"],
        "illustration": "chart",
        "hours_ago": 71,
    },
    {
        "blog": "culture-live",
        "slug": "theatre-revival-sells-out",
        "headline": "Revival of The Lighthouse Keepers sells out its entire run",
        "standfirst": (
            "The Grand Theatre in Carrick has added extra matinees after every ticket for its "
            "revival of the much-loved 1970s play was sold in the first week of booking."
        ),
        "body": (
            "The Grand Theatre in Carrick has added six extra performances of The Lighthouse "
            "Keepers after its entire run sold out within a week of tickets going on sale.\n\n"
            "The play, first performed almost fifty years ago, follows three men living in an "
            "isolated lighthouse during a long winter. It has been revived only a handful of times "
            "since its original production.\n\n"
            "> I think people are hungry for stories about how we live together in small spaces "
            "and look after each other. This play speaks to that. — Margot Ferrand, director of "
            "the revival\n\n"
            "The production stars Callum Frayne, Desmond Achola and Will Hartigan, with a set that "
            "rotates to show the lighthouse from different angles.\n\n"
            "The theatre says it is also holding back a small number of tickets at £10 for each "
            "performance, to be sold on the day for people under 26 and those on low incomes.\n\n"
            "Discussions are under way about a possible tour of the production later in the year, "
            "the theatre said."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Theatre"],
        "illustration": "stage",
        "hours_ago": 112,
    },
    {
        "blog": "culture-live",
        "slug": "museum-returns-carved-panels",
        "headline": "National Museum agrees to return carved panels to the Velmar Islands",
        "standfirst": (
            "Twelve wooden panels taken from a meeting house in the Velmar Islands more than a "
            "century ago will be returned, after a review concluded they had been removed without "
            "consent."
        ),
        "body": (
            "The National Museum has agreed to return twelve carved wooden panels to the Velmar "
            "Islands, more than a hundred years after they were taken.\n\n"
            "The panels were removed from a community meeting house by a ship's officer and later "
            "sold to the museum. A review by the museum's trustees concluded that they had been "
            "taken without the consent of the community that made them.\n\n"
            "> These panels are not just art. They are our ancestors, our history and our law. "
            "Bringing them home allows a story to be completed. — Teuila Faran, cultural adviser "
            "to the Velmar Islands government\n\n"
            "The museum's director, Dr Philippa Crane, said the decision reflected a changing "
            "understanding of how collections were formed and of museums' responsibilities.\n\n"
            "The panels will be returned next year, and a delegation from the islands will visit "
            "the museum beforehand to perform a ceremony. The museum has agreed to share its "
            "research and photographs with the islands' cultural centre, where the panels are due "
            "to be displayed.\n\n"
            "Some commentators have expressed concern about the precedent the decision sets for "
            "other collections. The museum says each case is considered individually."
        ),
        "authors": ["grace-mensah"],
        "tags": ["Heritage", "Visual Arts"],
        "illustration": "columns",
        "hours_ago": 160,
    },
    {
        "blog": "culture-live",
        "slug": "orchestra-free-park-concerts",
        "headline": "Northern Symphony Orchestra to play free concerts in twelve parks",
        "standfirst": (
            "The orchestra will perform outdoors in towns across the region this summer, in a tour "
            "designed to bring classical music to people who might never have visited a concert "
            "hall."
        ),
        "body": (
            "The Northern Symphony Orchestra is to perform a series of free concerts in twelve "
            "parks across the region this summer.\n\n"
            "The concerts will feature well-known pieces alongside new works by young composers "
            "from the region. Each performance will last around an hour and will include an "
            "introduction to the instruments for children.\n\n"
            "> Music belongs to everyone. We want to meet audiences where they are, on a picnic "
            "blanket on a summer evening. — Anneliese Markov, principal conductor of the Northern "
            "Symphony Orchestra\n\n"
            "The tour is being funded by a charitable trust and the regional arts council, with "
            "local councils providing the venues and stewards. Previous smaller tours attracted "
            "crowds of up to 4,000 people.\n\n"
            "The first concert will take place in Marrow Vale Country Park in June, with the final "
            "performance in Hollins Ford market square at the end of August.\n\n"
            "Concertgoers are being encouraged to bring something to sit on. In the event of heavy "
            "rain, concerts will move to nearby indoor venues where possible."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Music", "Local Government"],
        "illustration": "stage",
        "hours_ago": 213,
    },
    {
        "blog": "culture-live",
        "slug": "street-art-festival-eastbridge",
        "headline": "Street art festival transforms empty shop fronts in Eastbridge",
        "standfirst": (
            "More than 30 artists have spent a week painting murals on shutters and walls in "
            "Eastbridge town centre, as part of an effort to draw visitors back to the high street."
        ),
        "body": (
            "A street art festival has filled Eastbridge town centre with colour, with more than "
            "30 artists painting murals on the shutters of empty shops and the walls of public "
            "buildings.\n\n"
            "The week-long festival was organised by a group of local business owners working with "
            "the council. Property owners gave permission for their buildings to be painted.\n\n"
            "Themes were chosen after workshops with local schools and community groups, and many "
            "of the murals feature wildlife from the nearby river and scenes from the town's "
            "history.\n\n"
            "> A year ago people were saying the town centre was dying. This week it's been full "
            "of people with their phones out, taking pictures and then going into the cafes. — "
            "Lisa Okonkwo, festival organiser\n\n"
            "A free map of the murals is available from the library and the market hall. The "
            "organisers plan to run guided walking tours on Saturday mornings throughout the "
            "summer.\n\n"
            "The council says footfall in the town centre rose by around a fifth during the "
            "festival week compared with the same week last year. It hopes to make the event a "
            "regular fixture."
        ),
        "authors": ["grace-mensah", "newsroom-staff"],
        "tags": ["Visual Arts", "Local Government"],
        "illustration": "skyline",
        "hours_ago": 270,
    },
    {
        "blog": "culture-live",
        "slug": "folk-song-archive-digitised",
        "headline": "Thousands of folk songs recorded in village pubs made available online",
        "standfirst": (
            "Recordings made by a collector who travelled the region with a tape recorder in the "
            "1950s and 1960s have been digitised and published, some of them heard for the first "
            "time in decades."
        ),
        "body": (
            "More than 3,000 recordings of traditional songs, tunes and stories collected by Agnes "
            "Pollard in the 1950s and 1960s have been digitised and published online.\n\n"
            "Pollard, a schoolteacher, travelled through the region at weekends with a heavy "
            "portable tape recorder, recording singers in pubs, kitchens, farmyards and village "
            "halls. She died in 1991 and left her collection to the county archive.\n\n"
            "Many of the tapes had become fragile and some could only be played once before they "
            "were copied.\n\n"
            "> Some of these songs exist nowhere else. There are verses here that no one has sung "
            "for sixty years, and now any musician can learn them. — Rowan Tierney, folk musician "
            "and project volunteer\n\n"
            "The project, which took three years, involved volunteers listening to every recording "
            "and writing notes about the singers, the songs and the places where they were "
            "recorded.\n\n"
            "Several descendants of the original singers have contacted the archive after hearing "
            "the voices of grandparents and great-grandparents for the first time.\n\n"
            "The collection can be browsed on the [county archive's "
            "website](https://example.org/archives/pollard-collection)."
        ),
        "authors": ["felix-brandt", "grace-mensah"],
        "tags": ["Music", "Heritage"],
        "illustration": "books",
        "hours_ago": 332,
    },
    {
        "blog": "culture-live",
        "slug": "library-opening-hours-extended",
        "headline": "Libraries in Carrick to open on Sundays and later on weekday evenings",
        "standfirst": (
            "The city council is extending opening hours at its eight libraries after a "
            "consultation found that many residents struggled to visit during the working day."
        ),
        "body": (
            "Libraries in Carrick are to open on Sundays and stay open until 8pm on weekday "
            "evenings, the city council has announced.\n\n"
            "The change follows a consultation in which more than 5,000 residents took part. Many "
            "said they could not visit libraries during current opening hours because of work or "
            "caring responsibilities.\n\n"
            "> Libraries are one of the few places left where anyone can walk in, stay warm, use a "
            "computer and borrow a book without spending money. They should be open when people "
            "need them. — Councillor Bernard Achebe, cabinet member for culture\n\n"
            "The longer hours will be paid for by moving some administrative work online and "
            "through a partnership with a local college, which will run study sessions in the "
            "libraries.\n\n"
            "Library staff unions said they welcomed the extra hours but wanted assurances that "
            "staff would not be expected to work alone in the evenings. The council said all "
            "libraries would have at least two staff on duty at all times.\n\n"
            "The new hours start next month. Children's activities, including story times and "
            "homework clubs, will be added on Sunday afternoons."
        ),
        "authors": ["grace-mensah"],
        "tags": ["Books", "Local Government", "Education"],
        "illustration": "books",
        "hours_ago": 398,
    },
    {
        "blog": "culture-live",
        "slug": "young-poets-competition-winners",
        "headline": (
            "Fourteen-year-old wins national young poets award with poem about her grandmother's "
            "garden"
        ),
        "standfirst": (
            "More than 9,000 young people entered this year's competition, which the organisers "
            "say shows poetry is thriving in classrooms and bedrooms across the country."
        ),
        "body": (
            "A fourteen-year-old from Kestrel Bay has won the national young poets award with a "
            "poem about her grandmother's vegetable garden.\n\n"
            "Maya Elwood's winning poem, Runner Beans, was chosen from more than 9,000 entries by "
            "young people aged 11 to 18. The judges praised its precise detail and its quiet "
            "treatment of memory and loss.\n\n"
            "> I wrote it on the bus home from school. I didn't think it was finished, but my "
            "teacher told me to send it anyway, so I did. — Maya Elwood, winner of the young poets "
            "award\n\n"
            "Fifteen other young poets were commended. Their poems will be published in an "
            "anthology, and all the winners will attend a week-long writing course.\n\n"
            "The competition's organisers said entries had risen by almost a third in two years, "
            "with a growing number coming from schools that had never taken part before.\n\n"
            "Judge and poet Serena Adair said the standard was the highest she had seen. She said "
            "many entries dealt with the environment, family and friendship, and several were "
            "written in more than one language."
        ),
        "authors": ["grace-mensah"],
        "tags": ["Books", "Education"],
        "illustration": "books",
        "hours_ago": 468,
    },
    {
        "blog": "culture-live",
        "slug": "regent-cinema-reopens",
        "headline": "Historic Regent cinema reopens after a decade-long restoration",
        "standfirst": (
            "The Art Deco picture house in Hollins Ford, which closed in the 1990s and was nearly "
            "demolished, has been restored by a community trust and will show films seven days a "
            "week."
        ),
        "body": (
            "The Regent cinema in Hollins Ford has reopened, almost thirty years after it closed "
            "and more than ten years after a community campaign to save it began.\n\n"
            "The cinema opened in 1936 and was one of the finest Art Deco buildings in the region. "
            "It closed in the 1990s and was later used as a carpet warehouse, before planning "
            "permission was sought to demolish it.\n\n"
            "A community trust raised money through donations, grants and a share offer to buy and "
            "restore the building. Volunteers spent thousands of hours on the project, from "
            "stripping paint to restoring plaster mouldings.\n\n"
            "> My grandparents had their first date here. I used to walk past the boarded-up doors "
            "and think it was such a waste. Now my children will watch films here. — Nadia "
            "Kowalczyk, chair of the Regent Cinema Trust\n\n"
            "The restored cinema has a 400-seat main auditorium and a smaller screen in the former "
            "ballroom upstairs. It will show new releases alongside classic films and live "
            "broadcasts of theatre and opera.\n\n"
            "The opening weekend includes a free screening for the volunteers who helped restore "
            "the building."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Film", "Heritage"],
        "illustration": "stage",
        "hours_ago": 542,
    },
    {
        "blog": "culture-live",
        "slug": "gallery-acquires-painting",
        "headline": "City gallery buys landscape by overlooked 19th-century painter Edith Marwood",
        "standfirst": (
            "The Port Alder Gallery has acquired a large painting of the Tallow valley by an "
            "artist whose work was largely forgotten after her death, following a public "
            "fundraising appeal."
        ),
        "body": (
            "The Port Alder Gallery has bought a landscape painting by Edith Marwood, a "
            "19th-century artist whose work is now being rediscovered.\n\n"
            "The painting, Evening, Tallow Valley, shows the valley at sunset with a mill and a "
            "line of workers walking home. It was bought from a private collection for £680,000, "
            "with more than 4,000 members of the public contributing to an appeal.\n\n"
            "Marwood exhibited regularly during her lifetime, but her work fell out of fashion "
            "after her death and she was rarely mentioned in histories of the period.\n\n"
            "> She was painting the working landscape with an honesty that was unusual at the "
            "time. It is wonderful that this picture will now be seen by everyone who walks "
            "through our doors. — Dr Hamish Ure, curator of paintings at the Port Alder Gallery\n\n"
            "The painting will go on display next week in the gallery's main hall. An exhibition "
            "of Marwood's work, bringing together paintings and sketchbooks from other "
            "collections, is planned for next year.\n\n"
            "The gallery says it is still trying to trace several Marwood paintings known only "
            "from old exhibition catalogues, and has asked anyone who might own one to get in "
            "touch."
        ),
        "authors": ["grace-mensah"],
        "tags": ["Visual Arts", "Heritage"],
        "illustration": "hills",
        "hours_ago": 619,
    },
    {
        "blog": "culture-live",
        "slug": "music-venue-closure-threat",
        "headline": "Campaign launched to save the Boiler Room music venue in Carrick",
        "standfirst": (
            "Musicians and fans are rallying behind one of the city's best-known small venues "
            "after its owners warned it could close within months because of rising rent and "
            "energy bills."
        ),
        "body": (
            "A campaign has been launched to save the Boiler Room, a 250-capacity music venue in "
            "Carrick which has hosted early gigs by many bands who went on to national success.\n\n"
            "The venue's owners say a steep rise in rent when their lease was renewed, combined "
            "with higher energy costs, means they are losing money on most nights.\n\n"
            "> Venues like this are where bands learn their craft. If places like the Boiler Room "
            "disappear, where does the next generation of musicians start? — Jade Kirwan, co-owner "
            "of the Boiler Room\n\n"
            "More than 12,000 people have signed a petition in support of the venue, and several "
            "bands have offered to play benefit gigs. A crowdfunding appeal raised £38,000 in its "
            "first two days.\n\n"
            "The Music Venues Network says around one small venue a week has closed across the "
            "country in the past year. It has called for a small levy on tickets for large arena "
            "concerts, with the money going to support grassroots venues.\n\n"
            "The venue's landlord said it was open to discussions and hoped an agreement could be "
            "reached."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Music"],
        "illustration": "stage",
        "hours_ago": 699,
    },
    {
        "blog": "culture-live",
        "slug": "dance-company-tour",
        "headline": "Contemporary dance company takes new show to village halls",
        "standfirst": (
            "Tallow Dance Theatre is touring a new piece inspired by the region's old textile "
            "mills to 25 village halls and community centres, many of which have never hosted a "
            "dance performance."
        ),
        "body": (
            "A contemporary dance company is taking its new production on a tour of village halls "
            "and community centres across the region.\n\n"
            "Shuttle, created by Tallow Dance Theatre, is inspired by the rhythms and movements of "
            "the textile mills that once employed thousands of people in the area. The soundtrack "
            "includes recordings of looms and interviews with former mill workers.\n\n"
            "> Some of the people in our audiences worked in the mills or grew up with parents who "
            "did. They recognise the movements straight away, and the conversations after the show "
            "are often the best part. — Saskia Lund, artistic director of Tallow Dance Theatre\n\n"
            "The company has adapted the staging to fit small spaces, with the audience seated on "
            "three sides. Each performance is followed by a free workshop for local children.\n\n"
            "The tour is supported by the regional arts council's rural touring scheme, which "
            "helps bring professional performances to communities that are far from theatres and "
            "arts centres.\n\n"
            "Tickets cost £8 for adults and £4 for children. The tour ends with two performances "
            "at a former mill in Hollins Ford which is now an arts centre."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Theatre", "Heritage"],
        "illustration": "stage",
        "hours_ago": 783,
    },
    {
        "blog": "culture-live",
        "slug": "lost-manuscript-found",
        "headline": "Lost novel manuscript by Victorian writer found in solicitor's archive",
        "standfirst": (
            "An unpublished novel by the Victorian author Cornelius Fenwick has been discovered "
            "among boxes of legal papers, more than 130 years after it was thought to have been "
            "destroyed."
        ),
        "body": (
            "A complete unpublished novel by the Victorian writer Cornelius Fenwick has been found "
            "among papers donated to the county record office by a firm of solicitors.\n\n"
            "Fenwick, best known for his novels about life in coastal towns, mentioned in letters "
            "that he had finished a book called The Harbourmaster, but it was never published. "
            "Scholars had long assumed the manuscript had been burned after his death.\n\n"
            "The manuscript, around 600 handwritten pages, was found by an archivist cataloguing "
            "boxes of papers relating to the estate of Fenwick's publisher.\n\n"
            "> I opened a bundle expecting property deeds and found the first page with his name "
            "on it. I had to sit down for a few minutes. — Abigail Tennant, archivist at the "
            "county record office\n\n"
            "The novel tells the story of a harbourmaster in a declining port and his daughter, "
            "who wants to become a ship's engineer.\n\n"
            "Fenwick scholars are now examining the manuscript to confirm it is complete and in "
            "his hand. The record office hopes to publish a transcription, and a publisher has "
            "already expressed interest in bringing out an edition."
        ),
        "authors": ["grace-mensah"],
        "tags": ["Books", "Heritage"],
        "illustration": "books",
        "hours_ago": 870,
    },
    {
        "blog": "culture-live",
        "slug": "summer-festival-line-up",
        "headline": "Tallow Fields festival announces first acts for its summer line-up",
        "standfirst": (
            "The three-day festival near Marrow Vale will feature more than 60 acts across four "
            "stages, with organisers promising more local talent and a new family area this year."
        ),
        "body": (
            "Tallow Fields festival has announced the first acts for this summer's event, which "
            "takes place on farmland near Marrow Vale over three days in July.\n\n"
            "More than 60 acts will perform across four stages, ranging from established bands to "
            "artists who have only recently released their first songs.\n\n"
            "The organisers say around a third of the acts are from the region, and a new stage "
            "will be dedicated to artists who have come through local venues and community music "
            "projects.\n\n"
            "> We want people to come and see a band they love and leave having discovered three "
            "they'd never heard of. That's what festivals are for. — Ben Achterhof, director of "
            "Tallow Fields\n\n"
            "The festival will also introduce a family area with workshops, storytelling and a "
            "quieter campsite for people with young children.\n\n"
            "Organisers say they have taken steps to reduce the festival's environmental impact, "
            "including reusable cups, a ban on single-use plastic at food stalls and extra bus "
            "services from Marrow Vale station.\n\n"
            "Weekend tickets go on sale on Friday morning. More acts will be announced in the "
            "coming weeks."
        ),
        "authors": ["felix-brandt"],
        "tags": ["Music"],
        "illustration": "stage",
        "hours_ago": 960,
    },
]
