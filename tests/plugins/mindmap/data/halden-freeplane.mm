<map version="freeplane 1.9.13">
<!--To view this file, download free mind mapping software Freeplane from https://www.freeplane.org -->
<node TEXT="Halden Health" FOLDED="false" ID="ID_696401721" CREATED="1763980800000" MODIFIED="1763984400000" STYLE="oval">
<font SIZE="18"/>
<hook NAME="MapStyle">
    <properties edgeColorConfiguration="#808080ff,#ff0000ff,#0000ffff" show_note_icons="true" fit_to_viewport="false"/>

<map_styles>
<stylenode LOCALIZED_TEXT="styles.root_node" STYLE="oval" UNIFORM_SHAPE="true" VGAP_QUANTITY="24 pt">
<font SIZE="24"/>
<stylenode LOCALIZED_TEXT="styles.predefined" POSITION="right" STYLE="bubble">
<stylenode LOCALIZED_TEXT="default" ID="ID_271890427" ICON_SIZE="12 pt" COLOR="#000000" STYLE="fork">
<font NAME="SansSerif" SIZE="10" BOLD="false" ITALIC="false"/>
</stylenode>
</stylenode>
</stylenode>
</map_styles>
</hook>
<hook NAME="AutomaticEdgeColor" COUNTER="3" RULE="ON_BRANCH_CREATION"/>
<attribute_layout NAME_WIDTH="48 pt" VALUE_WIDTH="72 pt"/>
<attribute NAME="cycle" VALUE="2027-Q1"/>
<node TEXT="Patients wait less" POSITION="right" ID="ID_1134418376" CREATED="1763980860000" MODIFIED="1763984400000">
<edge COLOR="#ff0000"/>
<attribute_layout NAME_WIDTH="48 pt" VALUE_WIDTH="48 pt"/>
<attribute NAME="key" VALUE="waits"/>
<node TEXT="Median wait for a first appointment" ID="ID_1609123877" CREATED="1763980920000" MODIFIED="1763984400000">
<attribute_layout NAME_WIDTH="48 pt" VALUE_WIDTH="48 pt"/>
<attribute NAME="start" VALUE="21"/>
<attribute NAME="target" VALUE="10"/>
<attribute NAME="unit" VALUE="days"/>
<attribute NAME="current" VALUE="17"/>
</node>
<node ID="ID_488237410" CREATED="1763980980000" MODIFIED="1763984400000"><richcontent TYPE="NODE">

<html>
  <head>

  </head>
  <body>
    <p>
      Referrals triaged within <b>48 h</b>: 60 -&gt; 90 %
    </p>
  </body>
</html>
</richcontent>
</node>
</node>
<node TEXT="Clinicians spend time on care" POSITION="left" ID="ID_1847402715" CREATED="1763981040000" MODIFIED="1763984400000">
<edge COLOR="#0000ff"/>
<node TEXT="Admin hours per clinician per week 9.5 -&gt; 6 h" ID="ID_71262871" CREATED="1763981100000" MODIFIED="1763984400000"/>
</node>
</node>
</map>
