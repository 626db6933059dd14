<map version="1.0.1">
<!-- To view this file, download free mind mapping software FreeMind from http://freemind.sourceforge.net -->
<node CREATED="1763980800000" ID="ID_1498772519" MODIFIED="1763984400000" TEXT="Halden Health">
<node CREATED="1763980860000" ID="ID_1134418376" MODIFIED="1763984400000" POSITION="right" TEXT="Patients wait less">
<node CREATED="1763980920000" ID="ID_1609123877" MODIFIED="1763984400000" TEXT="Median wait for a first appointment 21 -&gt; 10 days"/>
<node CREATED="1763980980000" ID="ID_488237410" MODIFIED="1763984400000" TEXT="Share of referrals triaged within 48 h: 60 -&gt; 90 %"/>
</node>
<node CREATED="1763981040000" ID="ID_1847402715" MODIFIED="1763984400000" POSITION="left" TEXT="Clinicians spend time on care">
<node CREATED="1763981100000" ID="ID_71262871" MODIFIED="1763984400000" TEXT="Admin hours per clinician per week 9,5 &#x2192; 6 h"/>
<node CREATED="1763981160000" ID="ID_1321512113" MODIFIED="1763984400000" TEXT="Roll out dictation in every ward"/>
</node>
</node>
</map>
