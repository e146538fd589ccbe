"""Original demo stories loaded by `manage.py load_demo` on the first `make run`."""

from __future__ import annotations

SECTIONS = [
    {
        "name": "Network news",
        "slug": "network-news",
        "description": "Announcements, milestones and updates from across the Pennine Schools Network.",
        "order": 1,
    },
    {
        "name": "Policy & funding",
        "slug": "policy-funding",
        "description": "What national policy, inspection changes and local budgets mean for member schools.",
        "order": 2,
    },
    {
        "name": "School stories",
        "slug": "school-stories",
        "description": "News from classrooms, playing fields and staffrooms in our member schools.",
        "order": 3,
    },
    {
        "name": "Training & events",
        "slug": "training-events",
        "description": "Professional development, governance training and network events for staff and pupils.",
        "order": 4,
    },
]

STORIES = [
    # ------------------------------------------------------------------
    # Network news
    # ------------------------------------------------------------------
    {
        "title": "Network opens shared SEND hub as families wait up to 38 weeks for EHCPs",
        "section": "network-news",
        "standfirst": (
            "A new hub staffed by specialist teachers and an educational psychologist "
            "will support pupils while their assessments are delayed, with 23 member "
            "schools signing up in its first week."
        ),
        "body": """<p>The Pennine Schools Network has opened a shared special educational needs and disabilities (SEND) hub to support pupils who are waiting for an education, health and care plan (EHCP), after figures showed some families in the area are now waiting up to 38 weeks for a decision.</p>
<p>The law says a plan should be issued within 20 weeks of a request for assessment. Last year Pennine Vale Council met that deadline in 41 per cent of cases, and the average wait across the network's catchment was 31 weeks.</p>
<h2>What the hub will do</h2>
<p>The hub is based at Greystone Bridge Academy and funded for two years from a £1.2m pot agreed by the network's board in the spring. It will offer:</p>
<ul>
<li>termly consultation sessions with an educational psychologist for every member school;</li>
<li>outreach visits from two specialist teachers with backgrounds in autism and speech, language and communication needs;</li>
<li>a shared bank of assessment tools, so schools are not each buying the same licences;</li>
<li>a family liaison worker who will help parents understand where their application has reached.</li>
</ul>
<p>Twenty-three of the network's 41 schools signed up in the first week. Schools do not pay a fee, but each is asked to name a link member of staff who will attend a half-termly planning meeting.</p>
<h2>“Waiting is not neutral”</h2>
<blockquote>“Waiting is not neutral for a seven-year-old. Every term without the right support is a term they do not get back,” said Ruth Adeyemi, the network's SEND lead. “We cannot write plans, but we can make sure nobody is left standing still while they wait for one.”</blockquote>
<p>Headteachers have welcomed the move but say it cannot replace statutory support. The head of one primary school in the north of the network, who asked not to be named, said her school was funding a full-time teaching assistant for a pupil who had been waiting since the previous summer.</p>
<p>The council said it had recruited three additional case officers and expected timescales to improve over the next year.</p>
<h3>How to get involved</h3>
<p>SENCOs in member schools can register for the first consultation round through the <a href="https://example.org/send-hub">SEND hub page</a>. Parents who want to understand the assessment process can read our <a href="https://example.org/guides/ehcp-explained">plain-English guide to EHCPs</a>.</p>""",
        "tags": ["send", "funding", "schools", "wellbeing"],
        "byline": "Ruth Adeyemi, Network SEND Lead",
        "days_ago": 2,
        "visibility": "public",
        "featured": True,
    },
    {
        "title": "Ravensclough Academy becomes the network's 41st member school",
        "section": "network-news",
        "standfirst": (
            "The 780-pupil secondary joins after a year of informal partnership work on "
            "transition and staff training, bringing the network to 31 primaries, eight "
            "secondaries and two special schools."
        ),
        "body": """<p>Ravensclough Academy has formally joined the Pennine Schools Network, becoming its 41st member and the eighth secondary school in the partnership.</p>
<p>The 11–16 school, which has around 780 pupils on roll, has worked alongside the network informally for the past year. Its English and maths departments have taken part in joint moderation sessions, and five of its feeder primaries are already members.</p>
<h2>Why Ravensclough joined</h2>
<p>Headteacher Owen Castleford said the decision was driven by the move from primary to secondary school, which he described as “the point where too many children lose momentum”.</p>
<blockquote>“Our Year 7s arrive from fourteen different primaries. Five of those already share planning, training and data through the network. Joining means we can build the same relationships with the rest, rather than starting from scratch every September,” he said.</blockquote>
<p>The academy's governing board voted unanimously in favour of membership in the summer term after a consultation with staff and parents. Of the 212 responses, 84 per cent were supportive.</p>
<h2>What membership involves</h2>
<p>Member schools keep their own governance and budgets. In return for an annual subscription based on pupil numbers, they gain access to:</p>
<ul>
<li>the network's school-led CPD programme and subject networks;</li>
<li>governor induction and clerking support;</li>
<li>the shared SEND hub and safeguarding advice line;</li>
<li>joint procurement for services such as payroll, IT support and school meals.</li>
</ul>
<p>Ravensclough will also join the network's transition working group, which is piloting a common pupil profile that follows every Year 6 child to their new school.</p>
<h3>A growing partnership</h3>
<p>The network now includes 31 primary schools, eight secondary schools and two special schools, educating just under 17,000 pupils between them. Mark Ellison, the network's chief executive, said two further schools had asked for information about joining but stressed that growth was “not the aim in itself”.</p>
<p>“We would rather be 41 schools who genuinely work together than 60 who only share a logo,” he said.</p>
<p>Staff at Ravensclough can find their new login details and a welcome pack on the <a href="https://example.org/members/welcome">members' welcome page</a>.</p>""",
        "tags": ["schools", "transition", "governance"],
        "byline": "Helen Marsh, Communications Lead",
        "days_ago": 9,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "'Every Day Counts' attendance campaign returns with focus on Year 8 and Year 9",
        "section": "network-news",
        "standfirst": (
            "Persistent absence in member secondary schools peaks in the middle years, "
            "so this autumn's campaign pairs text-message nudges with a named adult for "
            "every pupil who misses more than one day in ten."
        ),
        "body": """<p>The network's attendance campaign, Every Day Counts, returns this term with a sharper focus on pupils in Year 8 and Year 9, where absence figures in member secondary schools are at their highest.</p>
<p>Last year 24 per cent of Year 9 pupils across the network's secondary schools were persistently absent, meaning they missed at least one day in ten. The figure for Year 7 was 15 per cent.</p>
<h2>What is different this year</h2>
<p>The first campaign, run two years ago, relied largely on posters, assemblies and letters home. An evaluation by the network's data team found it had little measurable effect on pupils who were already missing school regularly.</p>
<p>This year's version has three strands:</p>
<ol>
<li><strong>Early nudges.</strong> Families receive a friendly text message, in their home language where possible, after the second unexplained absence in a half-term.</li>
<li><strong>A named adult.</strong> Every pupil whose attendance falls below 90 per cent is matched with a member of staff who checks in with them each week.</li>
<li><strong>Fixing the barriers.</strong> Schools can apply to a small fund for practical help such as bus passes, alarm clocks and replacement uniform.</li>
</ol>
<h2>Listening to pupils</h2>
<p>The campaign was shaped by a survey of 1,900 pupils in Years 7 to 10. Anxiety, problems with friendships and feeling “behind” after missing lessons were the three most common reasons given for staying at home.</p>
<blockquote>“Pupils told us very clearly that a stern letter makes them less likely to come back, not more,” said Helen Marsh, who led the survey. “What works is somebody noticing, and a plan to help them catch up.”</blockquote>
<p>Thornclough High School, which trialled the named-adult approach last spring, saw persistent absence in Year 9 fall from 27 per cent to 19 per cent over a single term.</p>
<h3>Resources for schools</h3>
<p>Template messages, assembly slides and guidance on the barriers fund are available in the <a href="https://example.org/campaigns/every-day-counts">campaign toolkit</a>. Schools are asked to share their half-termly figures through the usual data return so the network can track progress.</p>""",
        "tags": ["attendance", "wellbeing", "schools"],
        "byline": "Helen Marsh, Communications Lead",
        "days_ago": 23,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Network device library passes 1,500 laptop loans since launch",
        "section": "network-news",
        "standfirst": (
            "Refurbished laptops lent to pupils without a suitable device at home have "
            "helped with homework, revision and coursework, and two in three borrowers "
            "are eligible for free school meals."
        ),
        "body": """<p>A scheme that lends refurbished laptops to pupils who do not have a suitable device at home has passed 1,500 loans, the network has confirmed.</p>
<p>The device library was set up eighteen months ago with 400 machines donated by local businesses and a regional housing association. They are wiped, repaired and fitted with filtering software by a team of technicians at Aldercombe High School before being loaned out for a term at a time.</p>
<h2>Who is borrowing</h2>
<p>Figures from the scheme show that:</p>
<ul>
<li>66 per cent of borrowers are eligible for free school meals;</li>
<li>around a third are in Year 10 or Year 11 and use the laptops mainly for coursework and revision;</li>
<li>more than 200 loans have gone to primary pupils, usually for reading and maths programmes set as homework;</li>
<li>fewer than 3 per cent of devices have been lost or returned damaged beyond repair.</li>
</ul>
<p>Kieran Walsh, the network's digital learning lead, said the numbers showed that the need had not gone away since the pandemic.</p>
<blockquote>“There is an assumption that every household now has a laptop. Many families have one phone with a data allowance shared between three or four people. You cannot write a history essay on that,” he said.</blockquote>
<h2>Sustainability benefits</h2>
<p>The scheme has also kept equipment out of landfill. Machines that cannot be repaired are stripped for parts, and the network estimates that around nine tonnes of electronic waste has been avoided so far.</p>
<p>Pupils at Aldercombe High who help with the refurbishment can count the work towards a computing qualification, and four former volunteers have gone on to IT apprenticeships.</p>
<h3>How to request a device</h3>
<p>Loans are arranged by schools rather than families. Staff can submit a request through the <a href="https://example.org/digital/device-library">device library form</a>, and businesses wishing to donate equipment can find collection details on the <a href="https://example.org/digital/donate">donations page</a>.</p>""",
        "tags": ["digital", "free school meals", "sustainability", "schools"],
        "byline": "Kieran Walsh, Digital Learning Lead",
        "days_ago": 41,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Heads' briefing summary: budgets, staffing and inspection readiness",
        "section": "network-news",
        "standfirst": (
            "A members-only summary of this half-term's headteachers' briefing, covering "
            "the three-year budget outlook, the draft pay policy timetable and what heads "
            "asked the network to prioritise next."
        ),
        "body": """<p><em>This summary is for staff in member schools only. Please do not forward it outside the network.</em></p>
<p>Thirty-six headteachers attended this half-term's briefing at Greystone Bridge Academy, with a further three joining online. The main points are set out below.</p>
<h2>1. Budget outlook</h2>
<p>The network's finance lead presented modelling based on returns from 38 schools. On current assumptions, 14 schools would set a deficit budget within three years, compared with six this year. The main pressures are pay awards that are not fully funded, rising energy contracts and falling primary rolls in the western valleys.</p>
<p>Heads agreed that the network should:</p>
<ul>
<li>run a joint energy tender for the next contract period;</li>
<li>share anonymised staffing structures so schools can compare ratios;</li>
<li>prepare a collective response to the council's consultation on high-needs funding.</li>
</ul>
<h2>2. Pay policy</h2>
<p>The draft model pay policy will be circulated to heads and chairs of governors for consultation shortly. The main change is a clearer framework for flexible working requests. Union representatives have seen an early draft.</p>
<h2>3. Inspection readiness</h2>
<p>Four member schools were inspected last term. Heads who had been through inspection shared practical lessons, including the value of having governors who can talk confidently about SEND and attendance.</p>
<blockquote>“The inspectors were interested in what we had done about our weaknesses, not whether we had any,” one head told colleagues.</blockquote>
<h2>4. Priorities for next term</h2>
<p>Asked to choose three priorities, heads ranked them as follows:</p>
<ol>
<li>Recruitment and retention, particularly in maths, science and early years.</li>
<li>SEND support while EHCP timescales remain long.</li>
<li>Reducing workload linked to data collection.</li>
</ol>
<p>Slides and the full finance modelling are available on the <a href="https://example.org/members/heads-briefing">members' briefing page</a>. The next briefing will be held online.</p>""",
        "tags": ["budgets", "governance", "recruitment", "ofsted"],
        "byline": "Mark Ellison, Chief Executive",
        "days_ago": 6,
        "visibility": "members",
        "featured": False,
    },
    {
        "title": "Eleven member schools earn Eco-Schools Green Flag status",
        "section": "network-news",
        "standfirst": (
            "From a rewilded playing field edge to a pupil-run uniform swap shop, "
            "pupil eco-committees across the network have cut waste and energy use "
            "enough to earn the international award."
        ),
        "body": """<p>Eleven schools in the Pennine Schools Network have been awarded Eco-Schools Green Flag status this year, up from four the year before.</p>
<p>The award recognises schools where pupils lead a programme of environmental work, measure its effect and involve the wider community. Schools must complete a review, write an action plan and show progress across at least three topics.</p>
<h2>What pupils did</h2>
<p>Projects varied widely. Among them:</p>
<ul>
<li>At <strong>Fellgate Community Primary</strong>, pupils persuaded the site team to stop mowing a strip along the edge of the playing field. A summer survey counted 19 species of wildflower where there had been three.</li>
<li>At <strong>Thornclough High School</strong>, a Year 9 committee ran an energy audit that found classroom projectors left on standby overnight. Changing the switch-off routine saved an estimated £2,300 a year.</li>
<li>At <strong>Kettleside CE Primary</strong>, a uniform swap shop run by Year 5 pupils has rehomed more than 600 items and is now open to families from two neighbouring schools.</li>
</ul>
<h2>Pupil voice at the centre</h2>
<p>The network's sustainability coordinator said the most successful projects were those where pupils had real decisions to make.</p>
<blockquote>“The children at Fellgate had to argue their case to the caretaker, the head and the governors. They learned more about persuasion and evidence from that than from any worksheet,” she said.</blockquote>
<p>Eight more schools have registered to work towards the award this year. The network is offering two after-school planning sessions for staff leading eco-committees and will host a pupil-led climate conference in the summer term.</p>
<h3>Find out more</h3>
<p>Schools interested in starting the process can read case studies from this year's award winners on the <a href="https://example.org/sustainability/green-flag">sustainability pages</a>. A shared <a href="https://example.org/sustainability/energy-audit">energy audit template</a>, adapted from the one used at Thornclough, is also available.</p>""",
        "tags": ["sustainability", "schools"],
        "byline": "Amira Haddad, Network Reporter",
        "days_ago": 67,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Vacancy data shows gap in maths and physics recruitment beginning to narrow",
        "section": "network-news",
        "standfirst": (
            "The network's annual workforce report finds fewer unfilled posts in "
            "shortage subjects, but warns that one in five new teachers still leaves "
            "within three years of qualifying."
        ),
        "body": """<p>Member schools found it easier to recruit maths and physics teachers this year, according to the network's annual workforce report, but the retention of early-career staff remains a serious concern.</p>
<h2>The headline figures</h2>
<p>The report, which draws on returns from all eight member secondary schools, found that:</p>
<ul>
<li>maths vacancies still unfilled at the start of the autumn term fell from nine to four;</li>
<li>physics vacancies fell from five to two, with one school filling a post through a shared appointment across two sites;</li>
<li>the number of lessons taught by non-specialists in science fell by around 18 per cent;</li>
<li>21 per cent of teachers who qualified three years ago have since left the profession or moved out of the area.</li>
</ul>
<p>The report credits part of the improvement to the network's shared recruitment campaign, which advertised posts across several schools at once and offered candidates a single visit day.</p>
<h2>Growing our own</h2>
<p>Several schools have also recruited from their own support staff. Two science technicians at Aldercombe High School have begun salaried teacher training, and a former teaching assistant at Brackenfold School has qualified as a maths teacher.</p>
<blockquote>“We used to compete with each other for the same handful of applicants,” said Tomasz Nowak, who compiled the report. “Advertising together means a candidate can see there is a whole community of schools here, not just one job.”</blockquote>
<h2>Retention still the weak point</h2>
<p>Exit interviews show that workload and a lack of flexibility are the most common reasons early-career teachers give for leaving. Only three member schools currently offer part-time contracts to teachers in their first two years.</p>
<p>The report recommends that the network's model pay policy include clearer guidance on flexible working, and that mentoring for second- and third-year teachers be extended.</p>
<p>The full <a href="https://example.org/reports/workforce">workforce report</a> is available to download, alongside details of the <a href="https://example.org/careers">network careers page</a>.</p>""",
        "tags": ["recruitment", "stem", "schools"],
        "byline": "Tomasz Nowak, Policy and Funding Officer",
        "days_ago": 118,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Members' staff survey: workload eases but wellbeing scores remain below average",
        "section": "network-news",
        "standfirst": (
            "More than 1,400 staff in member schools responded to the annual survey. "
            "Results for individual schools have been shared with heads, and this "
            "members-only summary sets out the network-wide picture."
        ),
        "body": """<p><em>This summary is for staff in member schools only. School-level results have been sent to headteachers and will not be published.</em></p>
<p>Thank you to the 1,426 colleagues who completed this year's staff survey, a response rate of 58 per cent. Teachers, support staff, site teams and office staff all took part.</p>
<h2>Main findings</h2>
<ul>
<li><strong>Workload:</strong> 61 per cent of teachers said their workload was unmanageable at least some of the time, down from 72 per cent last year.</li>
<li><strong>Wellbeing:</strong> the average wellbeing score across the network was 5.9 out of 10, compared with 6.4 in a national benchmark survey using the same questions.</li>
<li><strong>Support:</strong> 78 per cent said they could talk to their line manager if they were struggling, but only 44 per cent knew how to access the employee assistance programme.</li>
<li><strong>Intention to stay:</strong> 69 per cent expected to be working in their current school in two years' time.</li>
</ul>
<h2>Support staff feel less heard</h2>
<p>Teaching assistants and office staff were notably less likely than teachers to say their views were taken into account when decisions were made. The gap was 17 percentage points.</p>
<blockquote>“Teaching assistants are holding up a huge amount of SEND support at the moment. If they feel invisible, we have a problem,” one respondent wrote.</blockquote>
<h2>What happens next</h2>
<p>The network's wellbeing working group will meet in the next fortnight to agree actions. Early proposals include:</p>
<ol>
<li>a relaunch of the employee assistance programme, with information in every staffroom;</li>
<li>a support staff forum meeting once a term with the chief executive;</li>
<li>a review of data collection points, which many teachers named as their biggest avoidable task.</li>
</ol>
<p>Colleagues can read the full network report and comment on the proposed actions on the <a href="https://example.org/members/staff-survey">members' survey page</a> until the end of the half-term.</p>""",
        "tags": ["wellbeing", "recruitment", "schools"],
        "byline": "Helen Marsh, Communications Lead",
        "days_ago": 15,
        "visibility": "members",
        "featured": False,
    },
    # ------------------------------------------------------------------
    # Policy & funding
    # ------------------------------------------------------------------
    {
        "title": "Council's £4.8m high-needs deficit: what it means for member schools",
        "section": "policy-funding",
        "standfirst": (
            "Pennine Vale Council expects its high-needs budget to overspend again this "
            "year. We look at where the money goes, why the gap keeps growing and what "
            "the proposed recovery plan could mean for schools."
        ),
        "body": """<p>Pennine Vale Council is forecasting a £4.8m overspend on its high-needs budget this year, the part of school funding that pays for support for children and young people with special educational needs and disabilities.</p>
<p>It would be the fifth year in a row that the budget has overspent, taking the council's accumulated deficit to just over £17m.</p>
<h2>Where the money goes</h2>
<p>According to papers presented to the council's schools forum, the biggest cost pressures are:</p>
<ul>
<li><strong>Independent and out-of-area special school places</strong>, which cost on average around three times as much as a place in one of the council's own special schools;</li>
<li><strong>Home-to-school transport</strong> for pupils with EHCPs, which has risen by 23 per cent in two years;</li>
<li><strong>Top-up funding</strong> for pupils with plans in mainstream schools, where numbers have grown by more than a third since the pandemic.</li>
</ul>
<h2>The recovery plan</h2>
<p>The council has proposed a recovery plan that includes opening 60 new specialist places in resourced provisions attached to mainstream schools, which would reduce reliance on independent placements.</p>
<p>It has also asked the schools forum to consider transferring 0.5 per cent of the schools block into high needs next year. For a typical member primary with 210 pupils, the network estimates that would mean around £5,500 less in its budget.</p>
<blockquote>“Nobody disputes that the high-needs system is under enormous strain,” said Tomasz Nowak, the network's policy and funding officer. “But taking money from mainstream budgets to plug the gap risks cutting the very early support that stops needs escalating in the first place.”</blockquote>
<h2>What the network is doing</h2>
<p>The network will submit a collective response to the consultation on behalf of member schools. It is asking heads and business managers to share the likely impact on their own budgets by the end of the month.</p>
<p>Three member schools have also expressed interest in hosting one of the new resourced provisions.</p>
<h3>Read more</h3>
<p>Our <a href="https://example.org/explainers/high-needs-funding">explainer on high-needs funding</a> sets out how the system works. The schools forum papers are summarised on the <a href="https://example.org/policy/schools-forum">policy pages</a>.</p>""",
        "tags": ["send", "funding", "budgets"],
        "byline": "Tomasz Nowak, Policy and Funding Officer",
        "days_ago": 12,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Fewer than half of new EHCPs issued within 20 weeks, council figures show",
        "section": "policy-funding",
        "standfirst": (
            "Requests for assessment rose by 19 per cent last year, and only 41 per cent "
            "of plans met the legal deadline. Early years settings say the youngest "
            "children are waiting longest for help."
        ),
        "body": """<p>Fewer than half of new education, health and care plans (EHCPs) in Pennine Vale were issued within the 20-week legal time limit last year, according to figures published by the council.</p>
<p>The council received 1,180 requests for an EHCP assessment, up 19 per cent on the previous year. It issued 612 new plans, of which 41 per cent were completed within 20 weeks. The average time taken was 31 weeks.</p>
<h2>Why the delays?</h2>
<p>The council's report identifies three main causes:</p>
<ol>
<li>a shortage of educational psychologists, with four of the service's eleven posts vacant for most of the year;</li>
<li>delays in receiving health advice, particularly from community paediatrics and speech and language therapy;</li>
<li>the sheer rise in requests, which has outstripped the capacity of the casework team.</li>
</ol>
<h2>Youngest children affected</h2>
<p>Early years providers say the delays hit children under five particularly hard. A child who is referred at the age of three may start Reception before their plan is in place, meaning the school has little time to prepare.</p>
<blockquote>“We had a little boy who was referred when he joined us at three and a half. His plan arrived in the October half-term of his Reception year,” said the manager of a nursery attached to one member primary. “His new teacher did a wonderful job, but she was making it up as she went along.”</blockquote>
<p>Sian Greenwood, the network's early years adviser, said nurseries and schools should not wait for a plan before putting support in place. “The graduated approach still applies. Assess, plan, do, review: that cycle can start on day one,” she said.</p>
<h2>What the council says</h2>
<p>The council said it had recruited three additional case officers and was using locum educational psychologists to reduce the backlog. It expects to issue 60 per cent of plans on time by the end of next year.</p>
<p>Parents and carers can find independent advice through the <a href="https://example.org/guides/ehcp-explained">network's EHCP guide</a>, and schools can request consultation time through the <a href="https://example.org/send-hub">SEND hub</a>.</p>""",
        "tags": ["send", "funding", "early years"],
        "byline": "Ruth Adeyemi, Network SEND Lead",
        "days_ago": 31,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Ofsted report cards explained: what changes for member schools",
        "section": "policy-funding",
        "standfirst": (
            "Single-word judgements are gone. Our guide sets out how the new report cards "
            "work, what inspectors will look at more closely and how governors and "
            "leaders can prepare without extra paperwork."
        ),
        "body": """<p>Schools inspected under Ofsted's new framework will receive a report card with grades across a range of areas, replacing the single overall judgement that parents have been used to seeing on school gates and websites.</p>
<p>Four member schools have been inspected since the change. This guide draws on their experience and on the network's reading of the published inspection handbook. It is not official guidance, and leaders should always check the source documents.</p>
<h2>What is different</h2>
<ul>
<li><strong>More than one grade.</strong> Schools receive separate grades for different aspects of their work, so a strong curriculum and weaker attendance, for example, will both be visible.</li>
<li><strong>Inclusion given greater weight.</strong> Inspectors will look closely at how well the school serves disadvantaged pupils and those with SEND.</li>
<li><strong>Safeguarding stands apart.</strong> Safeguarding is reported on separately, and inspectors will state whether the school's arrangements meet the required standard.</li>
</ul>
<h2>What member schools have learned</h2>
<p>Leaders at the inspected schools offered three practical points. First, inspectors wanted to see leaders' own understanding of their strengths and weaknesses, not a polished self-evaluation document. Second, conversations with pupils carried a great deal of weight. Third, governors were asked specific questions about attendance and SEND.</p>
<blockquote>“We spent far less time on data than we had prepared for, and far more time walking the school and talking to children,” said the deputy head of one member primary.</blockquote>
<h2>What governors should do</h2>
<p>Joanne Pickersgill, the network's head of governance services, said boards did not need to create new paperwork.</p>
<p>“Governors should be able to explain, in their own words, what the school is trying to improve and how they know whether it is working. If minutes show they have asked those questions during the year, that is the best preparation,” she said.</p>
<h3>Further support</h3>
<p>The network is running two briefing sessions for governors this term. Details are on the <a href="https://example.org/governance/briefings">governance briefings page</a>, and a one-page <a href="https://example.org/guides/report-cards">report card summary</a> is available for staff meetings.</p>""",
        "tags": ["ofsted", "governance", "send", "schools"],
        "byline": "Joanne Pickersgill, Head of Governance Services",
        "days_ago": 19,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Draft model pay policy: consultation opens for member schools",
        "section": "policy-funding",
        "standfirst": (
            "Heads, governors and staff in member schools are invited to comment on the "
            "draft model pay policy before it goes to the network board. The main "
            "changes concern flexible working and support staff progression."
        ),
        "body": """<p><em>This draft is confidential to member schools while consultation is under way. Please do not share it publicly.</em></p>
<p>The network has published its draft model pay policy for consultation. Member schools are not obliged to adopt the model, but 34 of the 41 currently use it as the basis of their own policy, and governing boards will need to approve any changes before the start of the next academic year.</p>
<h2>Summary of proposed changes</h2>
<ol>
<li><strong>Flexible working.</strong> A new section sets out how requests for part-time work, job shares and compressed hours should be considered, with a presumption that requests will be approved unless there is a clear operational reason not to.</li>
<li><strong>Support staff progression.</strong> Teaching assistants who complete the network's accredited SEND training would move up one spinal point, subject to budget.</li>
<li><strong>Early-career teachers.</strong> Schools would be encouraged to protect additional non-contact time in the second and third years of teaching, not only the first two.</li>
<li><strong>Appeals.</strong> The appeals process has been simplified, with a single panel of governors replacing the two-stage process.</li>
</ol>
<h2>Cost implications</h2>
<p>The network's finance team estimates the support staff progression change would cost a typical two-form entry primary between £4,000 and £7,000 a year. Boards may choose to phase it in over two years.</p>
<blockquote>“We know budgets are tight. But our survey shows teaching assistants feel undervalued, and we are losing good people to supermarkets and care homes that pay the same or more,” said Mark Ellison, chief executive.</blockquote>
<h2>How to respond</h2>
<p>Responses can be submitted by any member of staff or governor through the <a href="https://example.org/members/pay-policy-consultation">consultation form</a>. Recognised unions have been consulted on the draft and will submit a joint response.</p>
<p>Responses close at the end of next month. A revised version will be presented to the network board, and a final model policy will be circulated to chairs of governors.</p>""",
        "tags": ["recruitment", "budgets", "governance"],
        "byline": "Joanne Pickersgill, Head of Governance Services",
        "days_ago": 4,
        "visibility": "members",
        "featured": False,
    },
    {
        "title": "Free school meals auto-enrolment pilot could bring £600,000 into member schools",
        "section": "policy-funding",
        "standfirst": (
            "A data-matching trial in six schools found dozens of eligible children who "
            "were not registered for free meals. Scaled up, the network estimates "
            "hundreds more could be missing out, along with their schools' pupil premium."
        ),
        "body": """<p>A pilot that automatically enrols eligible children for free school meals could bring more than £600,000 a year of extra pupil premium funding into member schools, according to network estimates.</p>
<p>Six member primaries took part in the trial, run with the council's revenues and benefits team. Instead of waiting for families to apply, the council checked its own housing benefit and council tax support records to identify children who already qualified, and registered them unless their parents opted out.</p>
<h2>What the pilot found</h2>
<p>Across the six schools, 71 eligible children were found who had not been registered. That is roughly one in eight of all eligible pupils in those schools.</p>
<p>Because schools receive pupil premium funding for each child registered as eligible, the pilot brought an additional £104,000 into the six schools' budgets. Applying the same rate across all member schools, the network estimates the figure would be between £600,000 and £650,000.</p>
<h2>Why families do not apply</h2>
<p>Parents interviewed as part of the pilot gave a range of reasons for not registering:</p>
<ul>
<li>not knowing they were eligible, particularly families who had recently started claiming benefits;</li>
<li>finding the online form confusing or not having reliable internet access;</li>
<li>worrying about stigma, even though meals are not labelled differently in the dining hall;</li>
<li>assuming it did not matter because infant pupils receive universal free meals.</li>
</ul>
<blockquote>“Families in Reception, Year 1 and Year 2 get a meal anyway, so there is no obvious reason to fill in a form. But the school loses funding that would pay for reading interventions or trips,” said the business manager of one pilot school.</blockquote>
<h2>Next steps</h2>
<p>The council has agreed in principle to extend the scheme to all maintained schools and academies in the area that sign a data-sharing agreement. The network has prepared a template agreement and a letter for families.</p>
<p>Business managers can find both on the <a href="https://example.org/policy/fsm-auto-enrolment">free school meals page</a>.</p>""",
        "tags": ["free school meals", "funding", "budgets", "schools"],
        "byline": "Tomasz Nowak, Policy and Funding Officer",
        "days_ago": 48,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Network backs flexible working charter to keep teachers in the classroom",
        "section": "policy-funding",
        "standfirst": (
            "The network board has endorsed a charter committing member schools to treat "
            "flexible working requests fairly and openly, after exit interviews showed "
            "rigid timetables were driving experienced teachers away."
        ),
        "body": """<p>The Pennine Schools Network has endorsed a flexible working charter, committing member schools to consider requests for part-time and flexible arrangements fairly, consistently and quickly.</p>
<p>The decision follows an analysis of exit interviews from 63 teachers who left member schools over two years. Almost a third said they would have stayed if they had been able to work part-time or adjust their hours.</p>
<h2>What the charter says</h2>
<p>Schools that sign up agree to:</p>
<ul>
<li>advertise all teaching posts as open to flexible working unless there is a specific reason not to;</li>
<li>respond to requests within four weeks, with a meeting to discuss options;</li>
<li>explain in writing the reasons for any refusal;</li>
<li>review timetabling practices so that part-time staff are not given a disproportionate share of cover or split days.</li>
</ul>
<p>Twenty-nine member schools have so far signed the charter.</p>
<h2>The view from a school that has tried it</h2>
<p>Oxley Fold Primary introduced a job share in Year 4 two years ago and now has six teachers on part-time or compressed-hours contracts out of a staff of 19.</p>
<blockquote>“I was nervous about the impact on consistency for the children. In practice, two teachers who plan together carefully bring more energy than one who is exhausted,” said headteacher Catherine Ibbotson. “We have not lost a single teacher to another school since.”</blockquote>
<p>She said the key was to build flexibility into the timetable from the start rather than treating each request as a problem to be solved.</p>
<h2>Concerns remain</h2>
<p>Some secondary heads have said that flexible working is harder to accommodate in subjects with few specialists, such as physics, and in smaller departments. The network has agreed to share examples of timetabling models that have worked in secondary schools.</p>
<p>The charter, with a short guide for leaders, can be read on the <a href="https://example.org/policy/flexible-working-charter">flexible working page</a>. Teachers considering a request can find advice on the <a href="https://example.org/careers/flexible-working">careers pages</a>.</p>""",
        "tags": ["recruitment", "wellbeing", "governance"],
        "byline": "Tomasz Nowak, Policy and Funding Officer",
        "days_ago": 76,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Safeguarding update: filtering, monitoring and what governors should ask",
        "section": "policy-funding",
        "standfirst": (
            "Online safety checks are now part of every safeguarding review. Our adviser "
            "explains what the filtering and monitoring standards require, and the "
            "common gaps found in member schools this year."
        ),
        "body": """<p>Every school is expected to have appropriate filtering and monitoring systems to protect pupils online, and to be able to show that those systems are reviewed and understood by the right people. Leah Barraclough, the network's safeguarding adviser, sets out what schools need to know.</p>
<h2>The basics</h2>
<p>Filtering blocks access to harmful or inappropriate content. Monitoring alerts staff when a pupil's activity suggests they may be at risk. National standards expect schools to:</p>
<ul>
<li>identify who is responsible for filtering and monitoring, including a named governor;</li>
<li>review their systems at least once a year;</li>
<li>make sure filtering blocks harmful content without unreasonably stopping teaching and learning;</li>
<li>have effective monitoring strategies that meet the school's safeguarding needs.</li>
</ul>
<h2>Common gaps</h2>
<p>The network carried out safeguarding reviews in 17 member schools this year. The most common issues relating to online safety were:</p>
<ol>
<li>the designated safeguarding lead did not know how to access or interpret monitoring reports;</li>
<li>devices used by pupils at home, including loaned laptops, had not been checked;</li>
<li>the annual review had been completed by an IT contractor alone, without safeguarding staff involved.</li>
</ol>
<blockquote>“Filtering is not just an IT matter. If the person receiving the alerts does not know what they mean, the system is not keeping anyone safe,” said Leah Barraclough.</blockquote>
<h2>Questions for governors</h2>
<p>Governors with responsibility for safeguarding might ask:</p>
<ul>
<li>When did we last test our filtering, and what did we find?</li>
<li>Who receives monitoring alerts, and how quickly are they acted on?</li>
<li>What training have staff had on online safety this year?</li>
</ul>
<p>The network's <a href="https://example.org/safeguarding/filtering-checklist">filtering and monitoring checklist</a> can be used as the basis of an annual review. Devices in the network's loan scheme are already configured to the required standard.</p>
<p>Schools with concerns can call the safeguarding advice line, details of which are on the <a href="https://example.org/safeguarding">safeguarding pages</a>.</p>""",
        "tags": ["safeguarding", "digital", "governance"],
        "byline": "Leah Barraclough, Safeguarding Adviser",
        "days_ago": 27,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Mainstream schools absorb rising SEND costs as top-up rates stay frozen",
        "section": "policy-funding",
        "standfirst": (
            "Member primaries now spend an average of £86,000 a year supporting pupils "
            "with additional needs from their core budgets, while the council's top-up "
            "rates have not risen for three years."
        ),
        "body": """<p>Mainstream schools in the Pennine Schools Network are spending an increasing share of their core budgets on support for pupils with special educational needs, a survey of business managers has found.</p>
<p>Schools are expected to fund the first £6,000 of additional support for each pupil with SEND from their own budget, known as the notional SEND budget. Above that level, the council provides top-up funding for pupils with EHCPs.</p>
<h2>Costs rising, rates frozen</h2>
<p>The network's survey of 27 member primaries found:</p>
<ul>
<li>average spending on SEND support from core budgets of £86,000 a year, up from £61,000 three years ago;</li>
<li>an average notional SEND budget of £52,000, meaning most schools are spending well above the amount identified for the purpose;</li>
<li>the council's top-up bands have not been uprated for three years, despite rises in teaching assistant pay.</li>
</ul>
<p>Over the same period, the number of pupils with EHCPs in member primaries has risen from 214 to 318.</p>
<h2>The impact on schools</h2>
<p>Business managers said the pressure was forcing difficult choices. Several schools have reduced intervention groups for pupils without plans, and two have merged classes.</p>
<blockquote>“We are spending money on SEND that we simply do not have, because the alternative is a child without support,” said the business manager of a one-form entry primary. “But it means the child who is just below the threshold gets less.”</blockquote>
<h2>What the network is asking for</h2>
<p>In its response to the council's high-needs consultation, the network will ask for:</p>
<ol>
<li>top-up bands to be uprated in line with support staff pay awards;</li>
<li>additional funding for schools with a disproportionate number of pupils with EHCPs;</li>
<li>the schools block transfer to be tied to clear commitments on inclusion in mainstream schools.</li>
</ol>
<p>Ruth Adeyemi, the network's SEND lead, said the figures showed that mainstream schools were “doing the heavy lifting” and needed to be recognised in the council's plans.</p>
<p>The full survey results are available on the <a href="https://example.org/policy/send-costs-survey">policy pages</a>.</p>""",
        "tags": ["send", "funding", "budgets", "schools"],
        "byline": "Tomasz Nowak, Policy and Funding Officer",
        "days_ago": 55,
        "visibility": "public",
        "featured": False,
    },
    # ------------------------------------------------------------------
    # School stories
    # ------------------------------------------------------------------
    {
        "title": "Scarbeck Primary's sports day beats the rain with a whole-school relay finish",
        "section": "school-stories",
        "standfirst": (
            "Heavy showers could not stop 240 pupils, a parents' sack race and a staff "
            "team who insisted on a rematch, as Scarbeck Primary revived its traditional "
            "sports day with a few inclusive changes."
        ),
        "body": """<p>Scarbeck Primary School held its sports day between downpours last week, with all 240 pupils taking part in a morning of races, team games and a relay that ended with the entire school on the field.</p>
<p>The school had planned to hold the event the previous Friday but moved it after a forecast of thunderstorms. When the rain returned halfway through the morning, staff moved the long jump into the hall and carried on.</p>
<h2>Something for everyone</h2>
<p>This year the school redesigned the day so that every child could take part in every event. Alongside the traditional sprints and egg-and-spoon race, pupils rotated around eight team challenges, including:</p>
<ul>
<li>a target throw using beanbags and hoops at different distances;</li>
<li>a seated volleyball game using a balloon;</li>
<li>an obstacle course built by the Year 6 sports leaders;</li>
<li>a “speed bounce” over a foam wedge, counting jumps in thirty seconds.</li>
</ul>
<p>Points were awarded to the school's four houses for effort and teamwork as well as results. Pennine house took the trophy by eleven points.</p>
<h2>Sports leaders in charge</h2>
<p>Much of the day was run by sixteen Year 6 pupils who had trained as sports leaders during the spring term with the network's school sport coordinator. They set up equipment, kept scores and cheered on younger children.</p>
<blockquote>“I was in charge of the obstacle course and I had to make sure the Reception children didn't go the wrong way round the cones. Most of them did anyway,” said Maisie, aged eleven.</blockquote>
<p>Headteacher Daniel Sugden said the changes had been prompted by a conversation with a parent whose son, a wheelchair user, had watched from the side in previous years.</p>
<p>“Sports day should be the day every child feels like an athlete. This year, I think it was,” he said.</p>
<h3>A rematch for the staff</h3>
<p>The parents' sack race was won for the second year running by a father who has now been asked to retire undefeated. The staff relay team lost narrowly to the Year 6 champions and have demanded a rematch before the end of term.</p>
<p>Photographs from the day are on the <a href="https://example.org/schools/scarbeck-primary">school's network page</a>, and ideas for inclusive sports days are in the <a href="https://example.org/sport/inclusive-sports-day">sport toolkit</a>.</p>""",
        "tags": ["sport", "wellbeing", "schools"],
        "byline": "Gareth Lumb, School Sport Coordinator",
        "days_ago": 157,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Brackenfold sixth form records its strongest A-level results in a decade",
        "section": "school-stories",
        "standfirst": (
            "Fifty-eight per cent of entries were graded A* to B, with notable gains in "
            "further maths and chemistry. Staff credit a new study programme and the "
            "sixth form's partnership with a local university."
        ),
        "body": """<p>Students at Brackenfold School's sixth form have achieved the school's strongest A-level results in a decade, with 58 per cent of entries graded A* to B.</p>
<p>The school entered 131 students for A-levels and vocational qualifications this summer. The average grade across all A-level entries was a B minus, up from a C plus last year, and all nine students who took further maths achieved an A* or A.</p>
<h2>Science and maths lead the way</h2>
<p>The largest improvements came in science and maths subjects. In chemistry, 64 per cent of entries were graded A* to B, compared with 41 per cent the previous year. Physics and biology also improved.</p>
<p>Head of sixth form Fiona Holroyd said the results reflected a change in how the school supports students outside lessons.</p>
<blockquote>“We stopped assuming that sixth formers know how to study independently. Every Year 12 now follows a structured study programme in their first term, covering things like retrieval practice and planning revision. It sounds basic, but it has made a real difference,” she said.</blockquote>
<h2>University partnership</h2>
<p>The sixth form has also benefited from a partnership with a regional university, through which undergraduate ambassadors run weekly tutorials in chemistry and maths. Students in Year 12 spend two days on campus during the summer term, attending lectures and working in laboratories.</p>
<p>Of this year's leavers:</p>
<ul>
<li>71 per cent have confirmed university places, including 14 who are the first in their family to go to university;</li>
<li>eleven have started degree-level or higher apprenticeships, four of them in engineering;</li>
<li>the remainder have gone into employment, further training or a gap year.</li>
</ul>
<h2>Looking ahead</h2>
<p>The school is now working with two other member secondaries to share its study programme. Staff will present it at the network's annual conference.</p>
<p>One student, who achieved A*s in maths, further maths and physics and will study engineering, said she had nearly left after Year 12. “My tutor sat down with me and worked out a plan. I wouldn't have got here without that,” she said.</p>
<p>Information for prospective students is on the <a href="https://example.org/schools/brackenfold/sixth-form">Brackenfold sixth form page</a>.</p>""",
        "tags": ["sixth form", "stem", "schools"],
        "byline": "Amira Haddad, Network Reporter",
        "days_ago": 104,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "How a disused cloakroom became the busiest room at Lintmoor Junior School",
        "section": "school-stories",
        "standfirst": (
            "Beanbags, fairy lights and a pupil-chosen stock of 2,000 books have turned a "
            "forgotten corridor space into a reading den with a waiting list, and "
            "borrowing has more than doubled in a year."
        ),
        "body": """<p>A year ago it was a cloakroom full of lost property and broken chairs. Today the Nook, as pupils at Lintmoor Junior School call it, is so popular that lunchtime slots have to be booked a week ahead.</p>
<p>The transformation was led by the school's reading lead, Hannah Crowther, with help from parents, a local builders' merchant and a £3,000 grant from the network's reading for pleasure fund.</p>
<h2>Children choose the books</h2>
<p>Rather than buy a ready-made collection, the school gave a committee of twelve pupils a budget and a catalogue. They chose graphic novels, poetry, football annuals, books in Polish and Urdu, and a complete set of a fantasy series that had been the most requested title in a school survey.</p>
<blockquote>“Adults were only allowed to veto things that were genuinely unsuitable. We vetoed two books out of about four hundred,” said Mrs Crowther.</blockquote>
<p>The Nook now holds around 2,000 books. Pupils can borrow two at a time using a card system run by Year 6 librarians.</p>
<h2>The results</h2>
<p>The school has tracked borrowing and surveyed pupils at the start and end of the year. It found that:</p>
<ul>
<li>average loans per pupil rose from 9 to 23 over the year;</li>
<li>the proportion of pupils who said they enjoyed reading “a lot” rose from 31 per cent to 52 per cent;</li>
<li>the biggest increase in borrowing came from boys in Years 5 and 6.</li>
</ul>
<p>Teachers have also noticed a change in the classroom. “Children are recommending books to each other. That did not happen before,” said one Year 4 teacher.</p>
<h2>Small changes, big impact</h2>
<p>Mrs Crowther said the space itself mattered, but the time given to reading mattered more. The school now protects fifteen minutes of independent reading every afternoon, and teachers read aloud to every class daily, including Year 6.</p>
<p>She will share the project with reading leads from other member schools at a network twilight session next term. Details are on the <a href="https://example.org/reading/reading-for-pleasure">reading for pleasure page</a>.</p>""",
        "tags": ["reading", "schools"],
        "byline": "Amira Haddad, Network Reporter",
        "days_ago": 37,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Greystone Bridge girls' robotics team reaches regional final at first attempt",
        "section": "school-stories",
        "standfirst": (
            "Six Year 9 pupils who started an after-school coding club last autumn have "
            "designed a robot that sorts recycling by colour, and will compete against "
            "twenty schools at the regional final next month."
        ),
        "body": """<p>A team of six Year 9 girls from Greystone Bridge Academy has reached the regional final of a schools robotics competition in its first year of entering.</p>
<p>The team, who call themselves the Bridge Builders, designed and programmed a robot that identifies coloured objects on a conveyor belt and sorts them into separate bins. The challenge was set around the theme of reducing waste.</p>
<h2>From coding club to competition</h2>
<p>The group began as a lunchtime coding club set up by computing teacher Nadia Qureshi, who noticed that very few girls were choosing computer science at GCSE.</p>
<blockquote>“In a class of 28 last year, three were girls. I wanted a space where girls could try things, get it wrong and try again without anyone watching,” she said.</blockquote>
<p>The club started with simple programmable kits before moving on to building robots from a set bought with a grant from a local engineering firm. When the competition was announced last term, six members asked to enter.</p>
<h2>What the judges saw</h2>
<p>At the qualifying round, teams were judged on three elements:</p>
<ol>
<li>the performance of the robot over three timed runs;</li>
<li>the quality of the team's engineering notebook, recording their design decisions;</li>
<li>a five-minute presentation to a panel of engineers.</li>
</ol>
<p>The Bridge Builders' robot sorted 17 of 20 objects correctly on its best run. Judges singled out the engineering notebook, which recorded 41 versions of the sorting program, for praise.</p>
<p>“We kept a page of every mistake. The judges asked about it more than anything else,” said one of the team.</p>
<h2>A lasting effect</h2>
<p>Four of the six have now chosen computer science as a GCSE option, and the club has grown to 22 members. Two other member secondaries have asked Ms Qureshi for advice on starting similar clubs.</p>
<p>The regional final takes place next month. The network's <a href="https://example.org/stem/clubs">STEM clubs page</a> has resources for schools setting up coding and robotics clubs, and loan kits are available through the <a href="https://example.org/digital/device-library">device library</a>.</p>""",
        "tags": ["stem", "digital", "sustainability"],
        "byline": "Kieran Walsh, Digital Learning Lead",
        "days_ago": 88,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Five hundred young musicians fill civic hall for music hub spring concert",
        "section": "school-stories",
        "standfirst": (
            "Choirs, brass bands, a ukulele orchestra and a steel pan group from 19 "
            "member schools shared the stage, in a concert that ended with a new piece "
            "written by pupils from Hallowell Special School."
        ),
        "body": """<p>More than 500 pupils from 19 member schools performed at Pennine Vale Civic Hall last week in the music hub's spring concert, the largest in the event's history.</p>
<p>The two-hour programme included a massed primary choir of 280 voices, two brass bands, a ukulele orchestra drawn from six primary schools and a steel pan group from Aldercombe High School.</p>
<h2>A new piece from Hallowell</h2>
<p>The concert closed with the first performance of <em>Moor Song</em>, a piece composed by pupils at Hallowell Special School working with a visiting composer over six weeks. The pupils recorded sounds on a walk across the moor, including wind, birdsong and a cattle grid, and built the piece around them.</p>
<p>Performed by the Hallowell pupils alongside the massed choir and brass, the piece drew a standing ovation.</p>
<blockquote>“Some of our pupils communicate without words. Music gives them a voice that everyone in that hall could hear,” said Hallowell's music teacher, Ben Oldroyd.</blockquote>
<h2>Building a pathway</h2>
<p>The music hub coordinates instrumental lessons and ensembles across the network. Its figures show:</p>
<ul>
<li>1,340 pupils currently receive instrumental or vocal lessons, up from 1,050 two years ago;</li>
<li>around 40 per cent of those pupils have their lessons fully or partly funded through the hub's remission scheme;</li>
<li>the number of schools offering whole-class instrumental teaching has risen from 12 to 21.</li>
</ul>
<p>The hub has also started a Saturday morning ensemble for secondary pupils, which rehearses at Thornclough High School.</p>
<h2>Thank you</h2>
<p>The concert was made possible by volunteer parents, the civic hall's technical team and the many teachers who gave up evenings for rehearsals. A retiring collection raised £2,180, which will go towards instrument repairs.</p>
<p>A recording of <em>Moor Song</em> is available on the <a href="https://example.org/music-hub/spring-concert">music hub page</a>. Families interested in lessons can find out more on the <a href="https://example.org/music-hub/lessons">lessons page</a>.</p>""",
        "tags": ["music", "send", "schools"],
        "byline": "Amira Haddad, Network Reporter",
        "days_ago": 143,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Kettleside Year 6 swap screens for fells on first residential in five years",
        "section": "school-stories",
        "standfirst": (
            "Thirty-four pupils spent three days at an outdoor centre in the hills, "
            "gorge scrambling, cooking on stoves and sleeping away from home for the "
            "first time. Every child went, thanks to a fundraising drive."
        ),
        "body": """<p>Thirty-four Year 6 pupils from Kettleside CE Primary School have returned from a three-day residential trip, the school's first since before the pandemic.</p>
<p>The group stayed at Low Greave Outdoor Centre, where they took part in gorge scrambling, orienteering, a night walk and a campfire evening. For most, it was the first time they had spent a night away from their families.</p>
<h2>Every child went</h2>
<p>The school was determined that cost would not stop any pupil going. The trip cost £215 per child. Through a combination of pupil premium funding, a grant from a local charitable trust and a year of cake sales, a sponsored walk and a quiz night, the school was able to offer it free to every family that needed support.</p>
<blockquote>“We had four children who had never been further than the nearest town. One girl told me it was the first time she had seen the stars properly,” said class teacher Rachel Hirst.</blockquote>
<h2>Phones stayed at home</h2>
<p>The school asked pupils to leave phones and tablets behind and instead posted daily updates and photographs for parents. Staff said the effect was noticeable.</p>
<p>“By the second evening they were playing cards, telling stories and helping each other dry their boots. Nobody asked about a phone,” said Mrs Hirst.</p>
<h2>Ready for secondary school</h2>
<p>The trip was timed to help prepare pupils for the move to secondary school. Activities were designed to build independence and confidence, such as:</p>
<ul>
<li>packing their own bags using a checklist;</li>
<li>cooking a meal in small groups on camping stoves;</li>
<li>navigating a route using a map, with staff following at a distance.</li>
</ul>
<p>Pupils completed a short questionnaire before and after the trip. The number who said they felt confident about starting secondary school rose from 15 to 27.</p>
<p>Schools planning residentials can find risk assessment templates and a list of approved centres on the network's <a href="https://example.org/trips/planning">trips and visits page</a>.</p>""",
        "tags": ["trips", "wellbeing", "transition"],
        "byline": "Helen Marsh, Communications Lead",
        "days_ago": 188,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Wethercote nursery's 'talk tables' lift two-year-olds' language scores",
        "section": "school-stories",
        "standfirst": (
            "A simple change to snack time and small-group play has helped children at "
            "Wethercote Infant and Nursery School make faster progress in speaking and "
            "listening, and other settings are now copying the idea."
        ),
        "body": """<p>A nursery at Wethercote Infant and Nursery School has seen a marked improvement in young children's speech and language after introducing what staff call “talk tables”.</p>
<p>The idea is simple. At snack time and during two short sessions each day, children sit in groups of no more than four with an adult whose only job is to talk with them: naming objects, asking open questions and repeating back what children say with a little extra language added.</p>
<h2>Why it was needed</h2>
<p>The school's early years lead, Jo Whiteley, said staff had become concerned that children were arriving in the two-year-old provision with fewer words than in previous years.</p>
<blockquote>“We had children who could swipe through a tablet but could not tell us they needed the toilet. Parents were worried too. They just did not know what to do about it,” she said.</blockquote>
<h2>The results</h2>
<p>The nursery assessed the language of 26 two- and three-year-olds at the start of the autumn term and again at Easter using a standard screening tool. Over that period:</p>
<ul>
<li>the proportion of children at the expected level for speaking rose from 42 per cent to 69 per cent;</li>
<li>children who had been identified as at risk of language delay made, on average, eight months' progress in six months;</li>
<li>three children were referred to speech and language therapy earlier than they otherwise would have been.</li>
</ul>
<h2>Bringing parents in</h2>
<p>The nursery also invited parents to join a talk table once a fortnight, and lends out book bags with suggested questions for bedtime stories. Thirty families have taken part.</p>
<p>“I didn't realise that just chatting about what's in the shopping trolley was helping him learn,” said one father.</p>
<h3>Sharing the approach</h3>
<p>Sian Greenwood, the network's early years adviser, said the approach cost almost nothing but required careful staff training. Four other member schools with nursery classes are now trialling it.</p>
<p>A short guide and video are available on the <a href="https://example.org/early-years/talk-tables">early years pages</a>.</p>""",
        "tags": ["early years", "reading", "schools"],
        "byline": "Sian Greenwood, Early Years Adviser",
        "days_ago": 61,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Summer school eases the move to secondary for 140 Year 6 pupils",
        "section": "school-stories",
        "standfirst": (
            "A week of lessons, games and timetable practice at Aldercombe High School "
            "gave new Year 7 pupils from fourteen primaries a head start, and early "
            "attendance figures suggest the benefits have lasted."
        ),
        "body": """<p>Around 140 pupils starting Year 7 at Aldercombe High School spent a week at their new school during the summer holidays, in a transition summer school run with the network's support.</p>
<p>The school invited every incoming pupil, with places prioritised for children identified by their primary schools as likely to find the move difficult. In the end, 142 of the 196 new starters took part.</p>
<h2>A week in the life</h2>
<p>Each day followed a secondary timetable, complete with bells, corridors and changing rooms. Activities included:</p>
<ul>
<li>taster lessons in science, design and technology, drama and French;</li>
<li>a treasure hunt to learn the layout of the building;</li>
<li>practice reading a timetable and packing a bag for the following day;</li>
<li>team games and a closing celebration for families.</li>
</ul>
<p>Pupils were given a homework planner, a lanyard with their new form name and the chance to meet their form tutor.</p>
<blockquote>“I was scared about getting lost and being late. Now I know where everything is, and I've already got two friends from other schools,” said one pupil from Fellgate Community Primary.</blockquote>
<h2>Early signs</h2>
<p>The school has compared attendance and wellbeing data from the first half-term of Year 7 with the previous year's cohort. It found that:</p>
<ul>
<li>attendance among summer school pupils was 95.8 per cent, compared with 93.1 per cent for last year's Year 7 over the same period;</li>
<li>the number of Year 7 pupils referred to pastoral staff for anxiety fell by a third;</li>
<li>parents of summer school pupils were more likely to say their child was happy at school.</li>
</ul>
<p>Head of Year 7 Imran Siddiqui cautioned that the pupils who chose to attend might differ from those who did not, but said the early signs were encouraging.</p>
<h2>Shared across the network</h2>
<p>The network's transition working group is now developing a common pupil profile that primary schools will complete for every Year 6 child, so secondary staff have consistent information before September.</p>
<p>The summer school timetable and planning materials are available on the <a href="https://example.org/transition/summer-school">transition pages</a>.</p>""",
        "tags": ["transition", "attendance", "wellbeing", "schools"],
        "byline": "Helen Marsh, Communications Lead",
        "days_ago": 139,
        "visibility": "public",
        "featured": False,
    },
    # ------------------------------------------------------------------
    # Training & events
    # ------------------------------------------------------------------
    {
        "title": "Annual network conference to put inclusion and attendance centre stage",
        "section": "training-events",
        "standfirst": (
            "This year's conference brings together more than 400 staff for 28 workshops "
            "led almost entirely by colleagues from member schools, with a keynote panel "
            "of pupils asking what inclusion looks like from their side."
        ),
        "body": """<p>Bookings are now open for the Pennine Schools Network's annual conference, which will focus on inclusion and attendance and is expected to attract more than 400 teachers, support staff, leaders and governors.</p>
<p>The conference will be held at Greystone Bridge Academy on the first training day of next term. Places are free for staff in member schools.</p>
<h2>Led by schools, for schools</h2>
<p>Twenty-six of the 28 workshops will be led by staff from member schools, sharing approaches they have tried and tested. Sessions include:</p>
<ul>
<li><strong>Talk tables</strong>: how Wethercote Infant and Nursery School boosted early language;</li>
<li><strong>Study skills in the sixth form</strong>: the programme behind Brackenfold's improved A-level results;</li>
<li><strong>The named adult</strong>: lessons from Thornclough High School's attendance pilot;</li>
<li><strong>Adaptive teaching in mixed-ability classes</strong>: practical strategies for pupils with SEND, led by specialist teachers from Hallowell Special School.</li>
</ul>
<h2>Pupils on the panel</h2>
<p>The day will open with a keynote panel of six pupils from primary, secondary and special schools, who will answer questions from the audience about what helps them feel they belong in school.</p>
<blockquote>“We spend a great deal of time talking about pupils. This year we wanted to start by listening to them,” said Daniel Firth, the network's training coordinator. “The panel has been planned by the pupils themselves, and the questions are not being vetted in advance.”</blockquote>
<h2>Practical details</h2>
<ol>
<li>Registration opens at 8.15am and the day finishes at 3.30pm.</li>
<li>Delegates choose three workshops when booking; popular sessions will be repeated.</li>
<li>Lunch is provided. Please tell us about dietary or access requirements when you book.</li>
<li>Parking on site is limited, and a shuttle bus will run from the railway station.</li>
</ol>
<p>Governors are especially welcome, and a dedicated strand will cover the new inspection report cards and what boards should ask about SEND and attendance.</p>
<p>Full programme details and the booking form are on the <a href="https://example.org/events/conference">conference page</a>. Staff who would like to run a stall showcasing their school's work can apply through the <a href="https://example.org/events/conference/marketplace">marketplace form</a>.</p>""",
        "tags": ["conference", "cpd", "send", "attendance"],
        "byline": "Daniel Firth, Training Coordinator",
        "days_ago": 5,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "New governors' induction programme opens for autumn cohort",
        "section": "training-events",
        "standfirst": (
            "The redesigned four-session programme covers the role of the board, school "
            "finance, safeguarding and inspection, with each new governor paired with an "
            "experienced mentor from another member school."
        ),
        "body": """<p>The network has opened bookings for its redesigned induction programme for new governors and trustees, starting with an autumn cohort of up to 30 places.</p>
<p>More than a third of governors in member schools have joined their boards within the last two years, and many have told the network they found their first year confusing.</p>
<h2>What the programme covers</h2>
<p>The programme runs over four evening sessions, two in person and two online:</p>
<ol>
<li><strong>The role of the board.</strong> Strategic leadership, holding leaders to account and the difference between governance and management.</li>
<li><strong>Money matters.</strong> Reading a school budget, understanding funding streams including pupil premium and SEND funding, and asking good questions about value for money.</li>
<li><strong>Keeping children safe.</strong> Governors' statutory safeguarding responsibilities, including online safety and safer recruitment.</li>
<li><strong>Inspection and accountability.</strong> How Ofsted's report cards work and what inspectors may ask governors.</li>
</ol>
<h2>A mentor for every new governor</h2>
<p>New this year, every participant will be paired with an experienced governor from a different member school, who will meet them at least three times during their first year.</p>
<blockquote>“The course gives people the knowledge. The mentor gives them the confidence to use it. Asking a challenging question in your first board meeting is hard, and it helps to have someone who has done it before,” said Joanne Pickersgill, the network's head of governance services.</blockquote>
<h2>What governors said last year</h2>
<p>Evaluations from the previous programme were positive, but participants asked for more practical examples and less jargon. The redesigned sessions use anonymised board minutes and real budget reports from member schools, with permission.</p>
<p>One governor, a retired engineer who joined the board of a rural primary, said the finance session had been the most useful. “I understood spreadsheets. I did not understand why a school would carry forward a surplus, or why that might be a bad thing,” he said.</p>
<h3>Booking</h3>
<p>The programme is free for governors of member schools. Clerks can book places on behalf of their boards through the <a href="https://example.org/governance/induction">governance training page</a>. Experienced governors who would like to become mentors can register on the <a href="https://example.org/governance/mentors">mentoring page</a>.</p>""",
        "tags": ["governance", "cpd", "safeguarding", "ofsted"],
        "byline": "Joanne Pickersgill, Head of Governance Services",
        "days_ago": 34,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Spring CPD programme: member booking code and priority places released",
        "section": "training-events",
        "standfirst": (
            "Staff in member schools can now book the spring CPD programme using this "
            "term's member code, with priority places held for early-career teachers and "
            "teaching assistants until the end of the month."
        ),
        "body": """<p><em>This page is for staff in member schools only. Please do not share the booking code outside your school.</em></p>
<p>The spring term CPD programme is now open for booking. This term's member booking code is <strong>PSN-SPRING-MBR-4417</strong>. Enter it at the payment stage and the fee will be removed for all network-funded courses.</p>
<h2>Priority places</h2>
<p>Following feedback from the staff survey, a number of places on every course are being held for particular groups until the end of the month:</p>
<ul>
<li><strong>Early-career teachers</strong> in their first three years, for courses on behaviour, adaptive teaching and assessment;</li>
<li><strong>Teaching assistants</strong>, for the accredited SEND training, which the network is considering as a route to pay progression;</li>
<li><strong>New middle leaders</strong>, for the three-part subject leadership course.</li>
</ul>
<p>After that date, any unclaimed places will be released to all member staff.</p>
<h2>What's new this term</h2>
<ol>
<li>A four-week course on supporting pupils with anxiety-related absence, developed with the Every Day Counts campaign team.</li>
<li>A practical workshop on adaptive teaching for pupils with SEND in mainstream classrooms.</li>
<li>Twilight sessions on reading for pleasure, including a visit to the Nook at Lintmoor Junior School.</li>
</ol>
<h2>Booking rules</h2>
<p>To make sure places are used fairly, please note:</p>
<ul>
<li>each school may book up to four places on any single course in the first fortnight;</li>
<li>cancellations with less than five working days' notice will be charged at the non-member rate, unless the place is passed to a colleague;</li>
<li>line managers should approve bookings before they are submitted.</li>
</ul>
<blockquote>“We would far rather a place went to a colleague than sat empty. If you cannot attend, please swap rather than cancel,” said Daniel Firth, training coordinator.</blockquote>
<p>The code also gives member schools priority booking for the annual conference. The full programme is on the <a href="https://example.org/members/cpd-programme">members' CPD page</a>. If the code does not work, contact the training team through the <a href="https://example.org/members/contact">members' contact form</a>.</p>""",
        "tags": ["cpd", "recruitment", "conference"],
        "byline": "Daniel Firth, Training Coordinator",
        "days_ago": 11,
        "visibility": "members",
        "featured": False,
    },
    {
        "title": "Teachers training teachers: school-led CPD expands to 14 hubs",
        "section": "training-events",
        "standfirst": (
            "The network's school-led professional development model, in which "
            "classroom teachers lead sessions for colleagues in nearby schools, is "
            "growing after an evaluation found strong effects on reading teaching."
        ),
        "body": """<p>The Pennine Schools Network's school-led CPD programme will expand from eight hubs to fourteen from next term, after an evaluation found that teachers valued the sessions more highly than externally delivered training.</p>
<p>Under the model, each hub is based in a member school and led by a practising teacher who is given one afternoon a week to plan and deliver sessions for colleagues in neighbouring schools. Hubs focus on a single area, such as early reading, maths mastery or behaviour.</p>
<h2>What the evaluation found</h2>
<p>The evaluation, carried out by the network's research lead, followed 96 teachers who attended the early reading hubs over a year. It found:</p>
<ul>
<li>89 per cent rated the sessions as useful or very useful, compared with 61 per cent for externally delivered courses in the same period;</li>
<li>observations showed more consistent phonics teaching, particularly in the pace of lessons and the use of decodable books;</li>
<li>in schools where at least two teachers attended, the proportion of Year 1 pupils meeting the expected standard in the phonics screening check rose by an average of seven percentage points.</li>
</ul>
<h2>Why it works</h2>
<p>Teachers said the biggest advantage was that hub leaders understood their context.</p>
<blockquote>“The hub leader had taught the same kinds of children in the same kind of village school. When she said something worked, I believed her,” said one Year 1 teacher.</blockquote>
<p>Hub leaders also benefit. Several said leading a hub had been their first experience of leadership beyond their own classroom, and two have since been promoted to assistant headteacher.</p>
<h2>The new hubs</h2>
<p>The six new hubs will cover:</p>
<ol>
<li>reading fluency in Key Stage 2;</li>
<li>science practical work in primary schools;</li>
<li>supporting early-career teachers as mentors;</li>
<li>adaptive teaching for pupils with SEND;</li>
<li>early years communication and language;</li>
<li>careers education in secondary schools.</li>
</ol>
<p>Teachers interested in leading a hub can apply through the <a href="https://example.org/cpd/hub-leaders">hub leaders page</a>. Sessions are listed in the <a href="https://example.org/cpd/calendar">CPD calendar</a>.</p>""",
        "tags": ["cpd", "reading", "recruitment"],
        "byline": "Daniel Firth, Training Coordinator",
        "days_ago": 72,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Safeguarding leads' refresher sessions to cover online harms and self-harm",
        "section": "training-events",
        "standfirst": (
            "Designated safeguarding leads and deputies in member schools are asked to "
            "book one of six refresher sessions this term, covering online harms, "
            "self-harm and mental health, and record-keeping."
        ),
        "body": """<p>The network will run six refresher training sessions for designated safeguarding leads (DSLs) and their deputies this term. Statutory guidance expects DSLs to update their training at least every two years, and their knowledge and skills at regular intervals in between.</p>
<p>Each session lasts a full day and will be led by Leah Barraclough, the network's safeguarding adviser, with contributions from the local safeguarding partnership and the child and adolescent mental health service.</p>
<h2>What the sessions cover</h2>
<p>The content has been shaped by the issues DSLs in member schools have raised most often over the past year:</p>
<ul>
<li><strong>Online harms</strong>, including sextortion, online grooming and exposure to harmful content, and how to use filtering and monitoring reports effectively;</li>
<li><strong>Self-harm and mental health</strong>, including when and how to make referrals, and supporting pupils while they wait for specialist help;</li>
<li><strong>Record-keeping</strong>, with practical exercises on writing clear, factual chronologies;</li>
<li><strong>Supervision and wellbeing for DSLs</strong>, recognising the emotional toll of the role.</li>
</ul>
<h2>Looking after the people who look after children</h2>
<p>This year, each session will end with an hour on DSLs' own wellbeing. A network survey of safeguarding leads last year found that more than half had felt unable to switch off from cases at weekends.</p>
<blockquote>“DSLs carry things home with them that most colleagues never see. If we want people to stay in these roles, we have to support them properly,” said Ms Barraclough.</blockquote>
<p>The network will also launch a termly supervision group for DSLs, where they can discuss difficult cases confidentially with peers and a qualified supervisor.</p>
<h2>Booking</h2>
<p>Places are limited to 25 per session so that discussion can be meaningful. Schools are asked to:</p>
<ol>
<li>check when their DSL and deputies last completed refresher training;</li>
<li>book places for anyone due to renew within the next six months;</li>
<li>record completion on the school's single central record of training.</li>
</ol>
<p>Sessions can be booked through the <a href="https://example.org/safeguarding/dsl-training">safeguarding training page</a>. Resources from previous sessions are in the <a href="https://example.org/safeguarding/resources">safeguarding library</a>.</p>""",
        "tags": ["safeguarding", "cpd", "wellbeing", "digital"],
        "byline": "Leah Barraclough, Safeguarding Adviser",
        "days_ago": 45,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Record entry of 620 runners for network cross-country championships",
        "section": "training-events",
        "standfirst": (
            "Pupils from 33 member schools braved mud and a stiff westerly wind on "
            "Harrowby Edge, with new races for Year 3 and Year 4 and a family fun run "
            "helping to push entries to an all-time high."
        ),
        "body": """<p>A record 620 pupils from 33 member schools took part in the network's cross-country championships at Harrowby Edge on Saturday, in conditions that one teacher described as “proper cross-country weather”.</p>
<p>The course, marked out on farmland lent by a local landowner, included a steep climb, a stream crossing and a final stretch that had turned to thick mud by the afternoon races.</p>
<h2>More runners than ever</h2>
<p>Entries were up by more than a third on last year. The organisers put the rise down to three changes:</p>
<ul>
<li>new shorter races for pupils in Year 3 and Year 4;</li>
<li>a team competition in which every finisher's position counts, so that schools were encouraged to bring larger squads;</li>
<li>a family fun run at lunchtime, which attracted 140 parents, siblings and staff.</li>
</ul>
<h2>The results</h2>
<p>Fellgate Community Primary won the primary team trophy for the first time, with all 28 of its runners finishing. Thornclough High School retained the secondary trophy.</p>
<p>In the individual races, the Year 6 girls' title was won by a margin of more than twenty seconds, and the Year 9 boys' race was decided by a sprint finish over the last fifty metres.</p>
<blockquote>“I fell in the stream, but I got up and kept going. I came 43rd, which is better than last year,” said Jacob, a Year 5 runner from Scarbeck Primary.</blockquote>
<h2>Beyond the podium</h2>
<p>Gareth Lumb, the network's school sport coordinator, said the event was as much about participation as winning.</p>
<p>“A child who finishes 300th and wants to come back next year is as important to us as the winner. Running outdoors with friends is brilliant for mental health, and it is free,” he said.</p>
<p>The top ten finishers in each secondary race have been invited to represent the network at the county championships.</p>
<p>Full results and photographs are on the <a href="https://example.org/sport/cross-country">sport pages</a>. Volunteers for next year's event can register through the <a href="https://example.org/sport/volunteer">volunteer form</a>.</p>""",
        "tags": ["sport", "wellbeing", "schools"],
        "byline": "Gareth Lumb, School Sport Coordinator",
        "days_ago": 96,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Inclusive sports festival brings 300 pupils together at Ridding Park",
        "section": "training-events",
        "standfirst": (
            "Boccia, new age kurling, frame running and seated volleyball drew pupils "
            "from special and mainstream schools to a festival designed so that every "
            "activity could be played by everyone, together."
        ),
        "body": """<p>Around 300 pupils from 16 member schools took part in the network's first inclusive sports festival at Ridding Park Leisure Centre, playing alongside one another in sports adapted so that everyone could join in.</p>
<p>The festival brought together pupils from Hallowell Special School, the resourced provision at Oxley Fold Primary and mainstream classes from across the network. Teams were mixed, with pupils from different schools playing on the same side.</p>
<h2>The activities</h2>
<p>Pupils rotated around eight activities during the day, including:</p>
<ul>
<li><strong>Boccia</strong>, a target ball game played from a seated or standing position;</li>
<li><strong>New age kurling</strong>, a version of curling played on a smooth sports hall floor;</li>
<li><strong>Frame running</strong>, using three-wheeled running frames supplied by a regional disability sport charity;</li>
<li><strong>Seated volleyball</strong> with a lightweight ball and lowered net.</li>
</ul>
<p>Each activity was led by a pair of secondary school sports leaders who had been trained in inclusive coaching during the spring term.</p>
<h2>Playing together</h2>
<blockquote>“Usually our pupils go to events that are just for special schools. Today they were part of a team with children they had never met, and they were brilliant at boccia, better than most of the mainstream children,” said a PE teacher from Hallowell.</blockquote>
<p>A Year 5 pupil from Kettleside CE Primary said she had enjoyed frame running most. “I didn't know you could run like that. My partner was really fast and she taught me,” she said.</p>
<h2>What happens next</h2>
<p>The festival was funded through the network's school sport partnership and a grant from a national sports charity. Gareth Lumb, the network's school sport coordinator, said feedback from schools had been overwhelmingly positive and a second festival is planned.</p>
<p>He said the network would also lend boccia and kurling sets to member schools so they could play the games during PE lessons.</p>
<p>“Inclusion can't be a one-off day. The festival should be the start of something that happens every week,” he said.</p>
<p>Schools can borrow equipment through the <a href="https://example.org/sport/equipment-loans">sport equipment loan page</a>. Photographs are in the <a href="https://example.org/sport/inclusive-festival">festival gallery</a>.</p>""",
        "tags": ["sport", "send", "wellbeing"],
        "byline": "Gareth Lumb, School Sport Coordinator",
        "days_ago": 199,
        "visibility": "public",
        "featured": False,
    },
    {
        "title": "Outdoor learning course helps staff plan safer and more ambitious school trips",
        "section": "training-events",
        "standfirst": (
            "A two-day course for educational visits coordinators combines risk "
            "assessment with practical skills on the hills, after schools said fear of "
            "getting it wrong was stopping them running residentials."
        ),
        "body": """<p>The network is launching a two-day course for educational visits coordinators and trip leaders, aimed at helping schools plan trips that are both safe and ambitious.</p>
<p>The course was developed after a survey found that 14 member schools had not run a residential trip for three years or more. Cost was the most common reason given, but nearly half of schools also cited a lack of staff confidence in planning and leading trips.</p>
<h2>What the course covers</h2>
<p>The first day is classroom-based and covers:</p>
<ul>
<li>the role of the educational visits coordinator and the legal framework for trips;</li>
<li>writing proportionate risk assessments that focus on significant risks rather than every possible hazard;</li>
<li>planning for pupils with SEND, medical needs or anxiety so that nobody is left out;</li>
<li>safeguarding on residential visits, including sleeping arrangements and the use of phones.</li>
</ul>
<p>The second day takes place at Low Greave Outdoor Centre, where participants practise leading a group on a low-level walk, managing a simulated incident and running a night-time activity.</p>
<h2>Confidence, not paperwork</h2>
<blockquote>“The aim is not to produce thicker risk assessments. It is to give staff the judgement to make good decisions on the day, and the confidence to say yes to trips that children will remember for the rest of their lives,” said Daniel Firth, training coordinator.</blockquote>
<p>The course draws on the experience of Kettleside CE Primary, whose Year 6 residential was the school's first in five years. Class teacher Rachel Hirst will speak about how the school overcame parents' concerns and raised funds so that every child could go.</p>
<h2>Who should attend</h2>
<p>The course is aimed at:</p>
<ol>
<li>educational visits coordinators, especially those new to the role;</li>
<li>teachers planning to lead a residential trip in the next year;</li>
<li>headteachers who approve trips and want to understand current good practice.</li>
</ol>
<p>Places are free for member schools, with cover costs reimbursed for the practical day. Bookings can be made on the <a href="https://example.org/trips/leaders-course">trips course page</a>, and planning templates are on the <a href="https://example.org/trips/planning">trips and visits page</a>.</p>""",
        "tags": ["trips", "cpd", "safeguarding"],
        "byline": "Daniel Firth, Training Coordinator",
        "days_ago": 124,
        "visibility": "public",
        "featured": False,
    },
    {
        # Its body has a YouTube link on a line of its own: the story page shows
        # it as a click-to-play video (articles/videos.py).
        "title": "Half-term animation workshops teach Year 8 to make films with free software",
        "section": "training-events",
        "standfirst": (
            "Pupils will spend three days learning Blender, the free 3D software behind "
            "a series of open short films, and leave with a 30-second film of their own."
        ),
        "body": """<p>The network's digital learning team is running three days of animation workshops in the February half-term for Year 8 pupils from member schools, with 48 places at Greystone Bridge Academy.</p>
<p>Pupils will learn Blender, the free and open-source 3D software, which means they can carry on at home or at school without buying a licence. Each pupil will model, light and animate a short scene and leave with a 30-second film.</p>
<h2>Learning from an open film</h2>
<p>The workshops start from <em>Big Buck Bunny</em>, a short film made in Blender by the Blender Foundation and released under a Creative Commons licence, so that every model and scene in it can be opened, taken apart and reused. Pupils will watch it on the first morning:</p>
<p><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ">Big Buck Bunny, a short film by the Blender Foundation</a></p>
<blockquote>“Seeing how professionals build a scene, and then being allowed to open the very same files, takes the mystery out of it,” said Kieran Walsh, the network's digital learning lead.</blockquote>
<h2>How to book</h2>
<p>Places are free and lunch is provided. Schools can nominate up to four pupils each on the <a href="https://example.org/digital/animation-workshops">animation workshops page</a>; laptops are lent for the three days.</p>""",
        "tags": ["digital", "stem"],
        "byline": "Kieran Walsh, Digital Learning Lead",
        "days_ago": 3,
        "visibility": "public",
        "featured": False,
    },
]

# Not yet live: they show editors a story awaiting review and a scheduled one.
UNPUBLISHED = [
    {
        "title": "Autumn attendance figures: first look for member schools",
        "section": "network-news",
        "standfirst": "Early figures suggest persistent absence is falling in most member schools, with the sharpest improvement in Year 9.",
        "body": "<p>The network's data team is checking the autumn term returns before they are shared with heads.</p><h2>What we know so far</h2><p>Most schools report fewer pupils missing one day in ten, and the Every Day Counts campaign has reached all 41 members.</p>",
        "tags": ["attendance", "schools"],
        "byline": "Network data team",
        "status": "review",
        "days_from_now": None,
    },
    {
        "title": "Winter wellbeing week: ideas for staffrooms and classrooms",
        "section": "training-events",
        "standfirst": "A week of short, practical sessions for staff and pupils to share what helps them through the darkest weeks of the year.",
        "body": "<p>The network's wellbeing leads have put together a week of ideas, from staffroom breakfasts to walking meetings.</p><h2>How to take part</h2><ul><li>Choose one idea a day.</li><li>Share what worked with the network.</li></ul>",
        "tags": ["wellbeing", "cpd"],
        "byline": "Wellbeing leads' group",
        "status": "published",
        "days_from_now": 5,
    },
]

# Member schools for the directory and the demo member's log-in. member_years:
# how long the membership has run; None means never a member.
SCHOOLS = [
    {
        "name": "Calder Vale Primary School",
        "urn": "900101",
        "local_authority": "Pennine Vale",
        "phase": "Primary",
        "type": "Community school",
        "postcode": "HX7 5AB",
        "email_domain": "caldervale.example.org",
        "member_years": 6,
    },
    {
        "name": "Greystone Bridge Academy",
        "urn": "900102",
        "local_authority": "Pennine Vale",
        "phase": "Secondary",
        "type": "Academy converter",
        "postcode": "HX6 2CD",
        "email_domain": "greystone.example.org",
        "member_years": 8,
    },
    {
        "name": "Scarbeck Primary School",
        "urn": "900103",
        "local_authority": "Kirkdale",
        "phase": "Primary",
        "type": "Voluntary aided school",
        "postcode": "HD9 1EF",
        "email_domain": "scarbeck.example.org",
        "member_years": 3,
    },
    {
        "name": "Brackenfold School and Sixth Form",
        "urn": "900104",
        "local_authority": "Kirkdale",
        "phase": "Secondary",
        "type": "Foundation school",
        "postcode": "HD8 4GH",
        "email_domain": "brackenfold.example.org",
        "member_years": 5,
    },
    {
        "name": "Wethercote Nursery School",
        "urn": "900105",
        "local_authority": "Pennine Vale",
        "phase": "Nursery",
        "type": "Local authority nursery school",
        "postcode": "HX3 9JK",
        "email_domain": "wethercote.example.org",
        "member_years": 2,
    },
    {
        "name": "Ravensclough Academy",
        "urn": "900106",
        "local_authority": "Holme Moor",
        "phase": "Secondary",
        "type": "Academy sponsor led",
        "postcode": "OL14 6LM",
        "email_domain": "ravensclough.example.org",
        "member_years": 1,
    },
    {
        "name": "Lintmoor Junior School",
        "urn": "900107",
        "local_authority": "Holme Moor",
        "phase": "Primary",
        "type": "Community school",
        "postcode": "OL13 8NP",
        "email_domain": "lintmoor.example.org",
        "member_years": None,
    },
]

DEMO_MEMBER = {
    "email": "member@example.org",
    "first_name": "Amira",
    "last_name": "Haddad",
    "job_title": "Deputy Headteacher",
    "school_urn": "900101",
}
