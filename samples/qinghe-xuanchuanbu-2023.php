<?php require_once "inc/site.php"; $article = load_article($_GET["id"]); ?>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>中共青禾县委宣传部 2023 年度部门决算_青禾县人民政府</title>
<style>body{font-family:SimSun} table{border-collapse:collapse} td,th{border:1px solid #000}</style>
<script>var siteId = "qinghe"; function share(){ return "{{share}}"; }</script>
</head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/yjs/">预决算公开</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 预决算公开</div>
<div class="article">
<#if article??>
<p class="info">{{ article.source }}</p>
<?php if ($article["show_date"]): ?><span class="date"><?= $article["date"] ?></span><?php endif; ?>
<h1>中共青禾县委宣传部 2023 年度部门决算</h1>
<h2>目 录</h2>
<p><b>第一部分 中共青禾县委宣传部概况</b></p>
<ul>
<li>一、部门主要职责</li>
<li>二、机构设置及人员情况</li>
</ul>
<p><b>第二部分 2023 年度部门决算表</b></p>
<ul>
<li>一、收入支出决算总表</li>
<li>二、收入决算表</li>
<li>三、支出决算表</li>
<li>四、财政拨款收入支出决算总表</li>
<li>五、一般公共预算财政拨款支出决算表</li>
<li>六、一般公共预算财政拨款基本支出决算表</li>
<li>七、政府性基金预算财政拨款收入支出决算表</li>
<li>八、国有资本经营预算财政拨款支出决算表</li>
<li>九、财政拨款“三公”经费支出决算表</li>
<li>十、国有资产占用情况表</li>
</ul>
<p><b>第三部分 2023 年度部门决算情况说明</b></p>
<ul>
<li>一、收入决算情况说明</li>
<li>二、支出决算情况说明</li>
<li>三、财政拨款支出决算情况说明</li>
<li>四、一般公共预算财政拨款基本支出决算情况说明</li>
<li>五、财政拨款“三公”经费支出决算情况说明</li>
<li>六、机关运行经费支出情况说明</li>
<li>七、政府采购支出情况说明</li>
<li>八、国有资产占用情况说明</li>
<li>九、预算绩效情况说明</li>
</ul>
<p><b>第四部分 名词解释</b></p>
<p><b>第五部分 附件</b></p>
<p style="text-indent:2em">注：本报告因金额单位转换原因可能存在尾数误差。</p>
<h2>第一部分 中共青禾县委宣传部概况</h2>
<h3>一、部门主要职责</h3>
<p style="text-indent:2em">(1) 负责指导全县理论学习、研究、宣传工作，组织协调县委理论学习中心组学习，推动党的创新理论武装工作。</p>
<p style="text-indent:2em">(2) 负责引导社会舆论，指导协调全县新闻宣传工作，组织重大主题宣传和典型宣传。</p>
<p style="text-indent:2em">(3) 负责指导全县网络宣传和网络信息内容管理工作，统筹协调网络意识形态工作。</p>
<p style="text-indent:2em">(4) 负责规划部署全县精神文明建设工作，指导新时代文明实践中心（所、站）建设，组织开展群众性精神文明创建活动。</p>
<p style="text-indent:2em">(5) 负责指导协调全县文化工作，推动文化事业和文化产业发展，组织实施宣传文化发展专项资金项目。</p>
<p style="text-indent:2em">(6) 负责全县对外宣传工作，统筹对外文化交流，讲好青禾故事。</p>
<p style="text-indent:2em">(7) 负责全县宣传思想文化系统干部队伍建设，配合做好有关干部管理工作。</p>
<h3>(8) 负责做好意识形态工作责任制落实情况的督促检查。</h3>
<h3>(9) 完成县委交办的其他任务。</h3>
<h3>二、机构设置及人员情况</h3>
<p style="text-indent:2em">纳入本套部门决算汇编范围的单位共 2 个，即中共青禾县委宣传部（本级）、青禾县新时代文明实践服务中心。</p>
<p style="text-indent:2em">中共青禾县委宣传部（本级）设立 5 个内设机构，分别是：办公室、理论教育股、宣传教育股、新闻网络股、文明创建股。</p>
<p style="text-indent:2em">本部门年末编制内实有人员 17 人，其中：行政人员 11 人、事业人员 6 人。其他人员 2 人。离退休人员 8 人，其中：单位发放离退休费的人员 2 人，养老保险基金发放养老金的人员 6 人。</p>
<h2>第二部分 2023 年度部门决算表</h2>
<p align="center"><strong>收入支出决算总表</strong></p>
<p style="text-align:right">公开01表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="3">收入</th><th colspan="3">支出</th></tr>
<tr><th>项目</th><th>行次</th><th>金额</th><th>项目（按功能分类）</th><th>行次</th><th>金额</th></tr>
<tr><th colspan="2">栏次</th><th>1</th><th colspan="2">栏次</th><th>2</th></tr></thead><tbody>
<tr><td>一、一般公共预算财政拨款收入</td><td>1</td><td>512.55</td><td>一、一般公共服务支出</td><td>32</td><td>342.65</td></tr>
<tr><td>二、政府性基金预算财政拨款收入</td><td>2</td><td></td><td>二、外交支出</td><td>33</td><td></td></tr>
<tr><td>三、国有资本经营预算财政拨款收入</td><td>3</td><td></td><td>三、国防支出</td><td>34</td><td></td></tr>
<tr><td>四、上级补助收入</td><td>4</td><td>0.00</td><td>四、公共安全支出</td><td>35</td><td></td></tr>
<tr><td>五、事业收入</td><td>5</td><td>0.00</td><td>五、教育支出</td><td>36</td><td></td></tr>
<tr><td>六、经营收入</td><td>6</td><td>0.00</td><td>六、科学技术支出</td><td>37</td><td></td></tr>
<tr><td>七、附属单位上缴收入</td><td>7</td><td>0.00</td><td>七、文化旅游体育与传媒支出</td><td>38</td><td>85.50</td></tr>
<tr><td>八、其他收入</td><td>8</td><td>0.00</td><td>八、社会保障和就业支出</td><td>39</td><td>51.24</td></tr>
<tr><td></td><td>9</td><td></td><td>九、卫生健康支出</td><td>40</td><td>11.61</td></tr>
<tr><td></td><td>10</td><td></td><td>十、节能环保支出</td><td>41</td><td></td></tr>
<tr><td></td><td>11</td><td></td><td>十一、城乡社区支出</td><td>42</td><td></td></tr>
<tr><td></td><td>12</td><td></td><td>十二、农林水支出</td><td>43</td><td></td></tr>
<tr><td></td><td>13</td><td></td><td>十三、交通运输支出</td><td>44</td><td></td></tr>
<tr><td></td><td>14</td><td></td><td>十四、资源勘探工业信息等支出</td><td>45</td><td></td></tr>
<tr><td></td><td>15</td><td></td><td>十五、商业服务业等支出</td><td>46</td><td></td></tr>
<tr><td></td><td>16</td><td></td><td>十六、金融支出</td><td>47</td><td></td></tr>
<tr><td></td><td>17</td><td></td><td>十七、援助其他地区支出</td><td>48</td><td></td></tr>
<tr><td></td><td>18</td><td></td><td>十八、自然资源海洋气象等支出</td><td>49</td><td></td></tr>
<tr><td></td><td>19</td><td></td><td>十九、住房保障支出</td><td>50</td><td>21.50</td></tr>
<tr><td></td><td>20</td><td></td><td>二十、粮油物资储备支出</td><td>51</td><td></td></tr>
<tr><td></td><td>21</td><td></td><td>二十一、国有资本经营预算支出</td><td>52</td><td></td></tr>
<tr><td></td><td>22</td><td></td><td>二十二、灾害防治及应急管理支出</td><td>53</td><td></td></tr>
<tr><td></td><td>23</td><td></td><td>二十三、其他支出</td><td>54</td><td></td></tr>
<tr><td></td><td>24</td><td></td><td>二十四、债务还本支出</td><td>55</td><td></td></tr>
<tr><td></td><td>25</td><td></td><td>二十五、债务付息支出</td><td>56</td><td></td></tr>
<tr><td></td><td>26</td><td></td><td>二十六、抗疫特别国债安排的支出</td><td>57</td><td></td></tr>
<tr><td>本年收入合计</td><td>27</td><td>512.55</td><td>本年支出合计</td><td>58</td><td>512.50</td></tr>
<tr><td>使用非财政拨款结余（含专用结余）</td><td>28</td><td></td><td>结余分配</td><td>59</td><td></td></tr>
<tr><td>年初结转和结余</td><td>29</td><td>10.57</td><td>年末结转和结余</td><td>60</td><td>10.62</td></tr>
<tr><td></td><td>30</td><td></td><td></td><td>61</td><td></td></tr>
<tr><td>总计</td><td>31</td><td>523.12</td><td>总计</td><td>62</td><td>523.12</td></tr>
</tbody>
</table>
<p>注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。</p>
<p>2. 本套报表金额单位转换时可能存在尾数误差。</p>
<p align="center"><strong>收入决算表</strong></p>
<p style="text-align:right">公开02表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="4">项目</th><th rowspan="3">本年收入合计</th><th rowspan="3">财政拨款收入</th><th rowspan="3">上级补助收入</th><th rowspan="3">事业收入</th><th rowspan="3">经营收入</th><th rowspan="3">附属单位上缴收入</th><th rowspan="3">其他收入</th></tr>
<tr><th colspan="3">支出功能分类科目编码</th><th rowspan="2">科目名称</th></tr>
<tr><th>类</th><th>款</th><th>项</th></tr></thead><tbody>
<tr><td></td><td></td><td></td><td></td><td>512.55</td><td>512.55</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">201</td><td>一般公共服务支出</td><td>343.85</td><td>343.85</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">20133</td><td>宣传事务</td><td>343.85</td><td>343.85</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2013301</td><td>行政运行</td><td>178.95</td><td>178.95</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2013350</td><td>事业运行</td><td>75.10</td><td>75.10</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2013399</td><td>其他宣传事务支出</td><td>89.80</td><td>89.80</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">207</td><td>文化旅游体育与传媒支出</td><td>84.35</td><td>84.35</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">20701</td><td>文化和旅游</td><td>40.20</td><td>40.20</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2070109</td><td>群众文化</td><td>40.20</td><td>40.20</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">20799</td><td>其他文化旅游体育与传媒支出</td><td>44.15</td><td>44.15</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2079902</td><td>宣传文化发展专项支出</td><td>44.15</td><td>44.15</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">208</td><td>社会保障和就业支出</td><td>51.24</td><td>51.24</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">20805</td><td>行政事业单位养老支出</td><td>51.24</td><td>51.24</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2080501</td><td>行政单位离退休</td><td>17.92</td><td>17.92</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2080505</td><td>机关事业单位基本养老保险缴费支出</td><td>23.80</td><td>23.80</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2080506</td><td>机关事业单位职业年金缴费支出</td><td>9.52</td><td>9.52</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">210</td><td>卫生健康支出</td><td>11.61</td><td>11.61</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">21011</td><td>行政事业单位医疗</td><td>11.61</td><td>11.61</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2101101</td><td>行政单位医疗</td><td>8.10</td><td>8.10</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2101102</td><td>事业单位医疗</td><td>3.51</td><td>3.51</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">221</td><td>住房保障支出</td><td>21.50</td><td>21.50</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">22102</td><td>住房改革支出</td><td>21.50</td><td>21.50</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td colspan="3">2210201</td><td>住房公积金</td><td>21.50</td><td>21.50</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
</tbody>
</table>
<p>注：本表反映部门（单位）本年度取得的各项收入情况。</p>
<p align="center"><strong>支出决算表</strong></p>
<p style="text-align:right">公开03表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="4">项目</th><th rowspan="2">本年支出合计</th><th rowspan="2">基本支出</th><th rowspan="2">项目支出</th><th rowspan="2">上缴上级支出</th><th rowspan="2">经营支出</th><th rowspan="2">对附属单位补助支出</th></tr>
<tr><th colspan="3">支出功能分类科目编码</th><th>科目名称</th></tr>
<tr><th>类</th><th>款</th><th>项</th><th>栏次</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>6</th></tr></thead><tbody>
<tr><td colspan="4">合计</td><td>512.50</td><td>338.40</td><td>174.10</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">201</td><td>一般公共服务支出</td><td>342.65</td><td>254.05</td><td>88.60</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">20133</td><td>宣传事务</td><td>342.65</td><td>254.05</td><td>88.60</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2013301</td><td>行政运行</td><td>178.95</td><td>178.95</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2013350</td><td>事业运行</td><td>75.10</td><td>75.10</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2013399</td><td>其他宣传事务支出</td><td>88.60</td><td></td><td>88.60</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">207</td><td>文化旅游体育与传媒支出</td><td>85.50</td><td></td><td>85.50</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">20701</td><td>文化和旅游</td><td>40.20</td><td></td><td>40.20</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2070109</td><td>群众文化</td><td>40.20</td><td></td><td>40.20</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">20799</td><td>其他文化旅游体育与传媒支出</td><td>45.30</td><td></td><td>45.30</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2079902</td><td>宣传文化发展专项支出</td><td>45.30</td><td></td><td>45.30</td><td></td><td></td><td></td></tr>
<tr><td colspan="3">208</td><td>社会保障和就业支出</td><td>51.24</td><td>51.24</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">20805</td><td>行政事业单位养老支出</td><td>51.24</td><td>51.24</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2080501</td><td>行政单位离退休</td><td>17.92</td><td>17.92</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2080505</td><td>机关事业单位基本养老保险缴费支出</td><td>23.80</td><td>23.80</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2080506</td><td>机关事业单位职业年金缴费支出</td><td>9.52</td><td>9.52</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">210</td><td>卫生健康支出</td><td>11.61</td><td>11.61</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">21011</td><td>行政事业单位医疗</td><td>11.61</td><td>11.61</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2101101</td><td>行政单位医疗</td><td>8.10</td><td>8.10</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2101102</td><td>事业单位医疗</td><td>3.51</td><td>3.51</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">221</td><td>住房保障支出</td><td>21.50</td><td>21.50</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">22102</td><td>住房改革支出</td><td>21.50</td><td>21.50</td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="3">2210201</td><td>住房公积金</td><td>21.50</td><td>21.50</td><td></td><td></td><td></td><td></td></tr>
</tbody>
</table>
<p>注：本表反映部门（单位）本年度各项支出情况。</p>
<p align="center"><strong>财政拨款收入支出决算总表</strong></p>
<p style="text-align:right">公开04表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="3">收入</th><th colspan="6">支出</th></tr>
<tr><th>项目</th><th>行次</th><th>金额</th><th>项目（按功能分类）</th><th>行次</th><th>合计</th><th>一般公共预算财政拨款</th><th>政府性基金预算财政拨款</th><th>国有资本经营预算财政拨款</th></tr>
<tr><th colspan="2">栏次</th><th>1</th><th colspan="2">栏次</th><th>2</th><th>3</th><th>4</th><th>5</th></tr></thead><tbody>
<tr><td>一、一般公共预算财政拨款</td><td>1</td><td>512.55</td><td>一、一般公共服务支出</td><td>33</td><td>342.65</td><td>342.65</td><td></td><td></td></tr>
<tr><td>二、政府性基金预算财政拨款</td><td>2</td><td></td><td>二、外交支出</td><td>34</td><td></td><td></td><td></td><td></td></tr>
<tr><td>三、国有资本经营预算财政拨款</td><td>3</td><td></td><td>三、国防支出</td><td>35</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>4</td><td></td><td>四、公共安全支出</td><td>36</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>5</td><td></td><td>五、教育支出</td><td>37</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>6</td><td></td><td>六、科学技术支出</td><td>38</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>7</td><td></td><td>七、文化旅游体育与传媒支出</td><td>39</td><td>85.50</td><td>85.50</td><td></td><td></td></tr>
<tr><td></td><td>8</td><td></td><td>八、社会保障和就业支出</td><td>40</td><td>51.24</td><td>51.24</td><td></td><td></td></tr>
<tr><td></td><td>9</td><td></td><td>九、卫生健康支出</td><td>41</td><td>11.61</td><td>11.61</td><td></td><td></td></tr>
<tr><td></td><td>10</td><td></td><td>十、节能环保支出</td><td>42</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>11</td><td></td><td>十一、城乡社区支出</td><td>43</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>12</td><td></td><td>十二、农林水支出</td><td>44</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>13</td><td></td><td>十三、交通运输支出</td><td>45</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>14</td><td></td><td>十四、资源勘探工业信息等支出</td><td>46</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>15</td><td></td><td>十五、商业服务业等支出</td><td>47</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>16</td><td></td><td>十六、金融支出</td><td>48</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>17</td><td></td><td>十七、援助其他地区支出</td><td>49</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>18</td><td></td><td>十八、自然资源海洋气象等支出</td><td>50</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>19</td><td></td><td>十九、住房保障支出</td><td>51</td><td>21.50</td><td>21.50</td><td></td><td></td></tr>
<tr><td></td><td>20</td><td></td><td>二十、粮油物资储备支出</td><td>52</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>21</td><td></td><td>二十一、国有资本经营预算支出</td><td>53</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>22</td><td></td><td>二十二、灾害防治及应急管理支出</td><td>54</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>23</td><td></td><td>二十三、其他支出</td><td>55</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>24</td><td></td><td>二十四、债务还本支出</td><td>56</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>25</td><td></td><td>二十五、债务付息支出</td><td>57</td><td></td><td></td><td></td><td></td></tr>
<tr><td></td><td>26</td><td></td><td>二十六、抗疫特别国债安排的支出</td><td>58</td><td></td><td></td><td></td><td></td></tr>
<tr><td>本年收入合计</td><td>27</td><td>512.55</td><td>本年支出合计</td><td>59</td><td>512.50</td><td>512.50</td><td></td><td></td></tr>
<tr><td>年初财政拨款结转和结余</td><td>28</td><td>10.27</td><td>年末财政拨款结转和结余</td><td>60</td><td>10.32</td><td>10.32</td><td></td><td></td></tr>
<tr><td>一、一般公共预算财政拨款</td><td>29</td><td>10.27</td><td></td><td>61</td><td></td><td></td><td></td><td></td></tr>
<tr><td>二、政府性基金预算财政拨款</td><td>30</td><td></td><td></td><td>62</td><td></td><td></td><td></td><td></td></tr>
<tr><td>三、国有资本经营预算财政拨款</td><td>31</td><td></td><td></td><td>63</td><td></td><td></td><td></td><td></td></tr>
<tr><td>总计</td><td>32</td><td>522.82</td><td>总计</td><td>64</td><td>522.82</td><td>522.82</td><td></td><td></td></tr>
</tbody>
</table>
<p>注：本表反映部门(单位)本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。</p>
<p align="center"><strong>一般公共预算财政拨款支出决算表</strong></p>
<p style="text-align:right">公开05表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="3">支出功能分类科目编码</th><th>科目名称</th><th>本年支出合计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><th>类</th><th>款</th><th>项</th><th>栏次</th><th>1</th><th>2</th><th>3</th></tr></thead><tbody>
<tr><td colspan="4">合计</td><td>512.50</td><td>338.40</td><td>174.10</td></tr>
<tr><td colspan="3">201</td><td>一般公共服务支出</td><td>342.65</td><td>254.05</td><td>88.60</td></tr>
<tr><td colspan="3">20133</td><td>宣传事务</td><td>342.65</td><td>254.05</td><td>88.60</td></tr>
<tr><td colspan="3">2013301</td><td>行政运行</td><td>178.95</td><td>178.95</td><td></td></tr>
<tr><td colspan="3">2013350</td><td>事业运行</td><td>75.10</td><td>75.10</td><td></td></tr>
<tr><td colspan="3">2013399</td><td>其他宣传事务支出</td><td>88.60</td><td></td><td>88.60</td></tr>
<tr><td colspan="3">207</td><td>文化旅游体育与传媒支出</td><td>85.50</td><td></td><td>85.50</td></tr>
<tr><td colspan="3">20701</td><td>文化和旅游</td><td>40.20</td><td></td><td>40.20</td></tr>
<tr><td colspan="3">2070109</td><td>群众文化</td><td>40.20</td><td></td><td>40.20</td></tr>
<tr><td colspan="3">20799</td><td>其他文化旅游体育与传媒支出</td><td>45.30</td><td></td><td>45.30</td></tr>
<tr><td colspan="3">2079902</td><td>宣传文化发展专项支出</td><td>45.30</td><td></td><td>45.30</td></tr>
<tr><td colspan="3">208</td><td>社会保障和就业支出</td><td>51.24</td><td>51.24</td><td></td></tr>
<tr><td colspan="3">20805</td><td>行政事业单位养老支出</td><td>51.24</td><td>51.24</td><td></td></tr>
<tr><td colspan="3">2080501</td><td>行政单位离退休</td><td>17.92</td><td>17.92</td><td></td></tr>
<tr><td colspan="3">2080505</td><td>机关事业单位基本养老保险缴费支</td><td>23.80</td><td>23.80</td><td></td></tr>
<tr><td colspan="3">2080506</td><td>机关事业单位职业年金缴费支出</td><td>9.52</td><td>9.52</td><td></td></tr>
<tr><td colspan="3">210</td><td>卫生健康支出</td><td>11.61</td><td>11.61</td><td></td></tr>
<tr><td colspan="3">21011</td><td>行政事业单位医疗</td><td>11.61</td><td>11.61</td><td></td></tr>
<tr><td colspan="3">2101101</td><td>行政单位医疗</td><td>8.10</td><td>8.10</td><td></td></tr>
<tr><td colspan="3">2101102</td><td>事业单位医疗</td><td>3.51</td><td>3.51</td><td></td></tr>
<tr><td colspan="3">221</td><td>住房保障支出</td><td>21.50</td><td>21.50</td><td></td></tr>
<tr><td colspan="3">22102</td><td>住房改革支出</td><td>21.50</td><td>21.50</td><td></td></tr>
<tr><td colspan="3">2210201</td><td>住房公积金</td><td>21.50</td><td>21.50</td><td></td></tr>
</tbody>
</table>
<p>注：本表反映部门（单位）本年度一般公共预算财政拨款支出情况。</p>
<p align="center"><strong>一般公共预算财政拨款基本支出决算表</strong></p>
<p style="text-align:right">公开06表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="3">人员经费</th><th colspan="6">公用经费</th></tr>
<tr><th>经济分类科目编码</th><th>科目名称</th><th>金额</th><th>经济分类科目编码</th><th>科目名称</th><th>金额</th><th>经济分类科目编码</th><th>科目名称</th><th>金额</th></tr></thead><tbody>
<tr><td>301</td><td>工资福利支出</td><td>278.65</td><td>302</td><td>商品和服务支出</td><td>41.83</td><td>307</td><td>债务利息及费用支出</td><td>0.00</td></tr>
<tr><td>30101</td><td>基本工资</td><td>66.10</td><td>30201</td><td>办公费</td><td>7.10</td><td>30701</td><td>国内债务付息</td><td>0.00</td></tr>
<tr><td>30102</td><td>津贴补贴</td><td>50.85</td><td>30202</td><td>印刷费</td><td>0.00</td><td>30702</td><td>国外债务付息</td><td>0.00</td></tr>
<tr><td>30103</td><td>奖金</td><td>23.40</td><td>30203</td><td>咨询费</td><td>0.00</td><td>30703</td><td>国内债务发行费用</td><td>0.00</td></tr>
<tr><td>30106</td><td>伙食补助费</td><td>0.00</td><td>30204</td><td>手续费</td><td>0.00</td><td>30704</td><td>国外债务发行费用</td><td>0.00</td></tr>
<tr><td>30107</td><td>绩效工资</td><td>37.10</td><td>30205</td><td>水费</td><td>0.66</td><td>310</td><td>资本性支出</td><td>0.00</td></tr>
<tr><td>30108</td><td>机关事业单位基本养老保险缴</td><td>23.80</td><td>30206</td><td>电费</td><td>3.02</td><td>31001</td><td>房屋建筑物购建</td><td>0.00</td></tr>
<tr><td>30109</td><td>职业年金缴费</td><td>9.52</td><td>30207</td><td>邮电费</td><td>1.52</td><td>31002</td><td>办公设备购置</td><td>0.00</td></tr>
<tr><td>30110</td><td>职工基本医疗保险缴费</td><td>9.78</td><td>30208</td><td>取暖费</td><td>0.00</td><td>31003</td><td>专用设备购置</td><td>0.00</td></tr>
<tr><td>30111</td><td>公务员医疗补助缴款</td><td>1.83</td><td>30209</td><td>物业管理费</td><td>3.20</td><td>31005</td><td>基础设施建设</td><td>0.00</td></tr>
<tr><td>30112</td><td>其他社会保障缴费</td><td>1.31</td><td>30211</td><td>差旅费</td><td>3.35</td><td>31006</td><td>大型修缮</td><td>0.00</td></tr>
<tr><td>30113</td><td>住房公积金</td><td>21.50</td><td>30212</td><td>因公出国(境)费用</td><td>0.00</td><td>31007</td><td>信息网络及软件购置更新</td><td>0.00</td></tr>
<tr><td>30114</td><td>医疗费</td><td>0.00</td><td>30213</td><td>维修(护)费</td><td>1.40</td><td>31008</td><td>物资储备</td><td>0.00</td></tr>
<tr><td>30199</td><td>其他工资福利支出</td><td>33.46</td><td>30214</td><td>租赁费</td><td>0.00</td><td>31009</td><td>土地补偿</td><td>0.00</td></tr>
<tr><td>303</td><td>对个人和家庭的补助</td><td>17.92</td><td>30215</td><td>会议费</td><td>0.88</td><td>31010</td><td>安置补助</td><td>0.00</td></tr>
<tr><td>30301</td><td>离休费</td><td>0.00</td><td>30216</td><td>培训费</td><td>1.30</td><td>31011</td><td>地上附着物和青苗补偿</td><td>0.00</td></tr>
<tr><td>30302</td><td>退休费</td><td>14.60</td><td>30217</td><td>公务接待费</td><td>2.62</td><td>31012</td><td>拆迁补偿</td><td>0.00</td></tr>
<tr><td>30303</td><td>退职(役)费</td><td>0.00</td><td>30218</td><td>专用材料费</td><td>0.00</td><td>31013</td><td>公务用车购置</td><td>0.00</td></tr>
<tr><td>30304</td><td>抚恤金</td><td>0.00</td><td>30224</td><td>被装购置费</td><td>0.00</td><td>31019</td><td>其他交通工具购置</td><td>0.00</td></tr>
<tr><td>30305</td><td>生活补贴</td><td>2.52</td><td>30225</td><td>专用燃料费</td><td>0.00</td><td>31021</td><td>文物和陈列品购置</td><td>0.00</td></tr>
<tr><td>30306</td><td>救济费</td><td>0.00</td><td>30226</td><td>劳务费</td><td>2.85</td><td>31022</td><td>无形资产购置</td><td>0.00</td></tr>
<tr><td>30307</td><td>医疗费补助</td><td>0.00</td><td>30227</td><td>委托业务费</td><td>0.00</td><td>31099</td><td>其他资本性支出</td><td>0.00</td></tr>
<tr><td>30308</td><td>助学金</td><td>0.00</td><td>30228</td><td>工会经费</td><td>3.10</td><td>399</td><td>其他支出</td><td>0.00</td></tr>
<tr><td>30309</td><td>奖励金</td><td>0.50</td><td>30229</td><td>福利费</td><td>1.75</td><td>39907</td><td>国家赔偿费用支出</td><td>0.00</td></tr>
<tr><td>30310</td><td>个人农业生产补贴</td><td>0.00</td><td>30231</td><td>公务用车运行维护</td><td>4.98</td><td>39908</td><td>对民间非营利组织和群众性自治组织补贴</td><td>0.00</td></tr>
<tr><td>30311</td><td>代缴社会保险费</td><td>0.00</td><td>30239</td><td>其他交通费用</td><td>0.00</td><td>39909</td><td>经常性赠与</td><td>0.00</td></tr>
<tr><td>30399</td><td>其他对个人和家庭的补助支出</td><td>0.30</td><td>30240</td><td>税金及附加费用</td><td>0.00</td><td>39910</td><td>资本性赠与</td><td>0.00</td></tr>
<tr><td></td><td></td><td></td><td>30299</td><td>其他商品和服务支</td><td>4.10</td><td>39999</td><td>其他支出</td><td>0.00</td></tr>
<tr><td colspan="2">人员经费合计</td><td>296.57</td><td colspan="5">公用经费合计</td><td>41.83</td></tr>
</tbody>
</table>
<p>注：本表反映部门(单位)本年度一般公共预算财政拨款基本支出明细情况。</p>
<p align="center"><strong>政府性基金预算财政拨款收入支出决算表</strong></p>
<p style="text-align:right">公开07表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="4">项目</th><th rowspan="2">年初结转和结余</th><th rowspan="2">本年收入</th><th colspan="3">本年支出</th><th rowspan="2">年末结转和结余</th></tr>
<tr><th colspan="3">支出功能分类科目编码</th><th>科目名称</th><th>小计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><th>类</th><th>款</th><th>项</th><th>栏次</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>6</th></tr></thead><tbody>
<tr><td colspan="4">合计</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</tbody>
</table>
<p>注：1. 本表反映部门(单位)本年度政府性基金预算财政拨款收入、支出及结转和结余情况。</p>
<p>2. 当此表数据为空时，即本部门(单位)无政府性基金预算财政拨款收入、支出。</p>
<p align="center"><strong>国有资本经营预算财政拨款支出决算表</strong></p>
<p style="text-align:right">公开08表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th colspan="4">项目</th><th rowspan="2">合计</th><th rowspan="2">基本支出</th><th rowspan="2">项目支出</th></tr>
<tr><th colspan="3">支出功能分类科目编码</th><th>科目名称</th></tr>
<tr><th>类</th><th>款</th><th>项</th><th>栏次</th><th>1</th><th>2</th><th>3</th></tr></thead><tbody>
<tr><td colspan="4">合计</td><td>0</td><td>0</td><td>0</td></tr>
</tbody>
</table>
<p>注：1. 本表反映部门(单位)本年度国有资本经营预算财政拨款支出情况。</p>
<p>2. 当此表数据为空时，即本部门(单位)无国有资本经营预算财政拨款支出。</p>
<p align="center"><strong>财政拨款“三公”经费支出决算表</strong></p>
<p style="text-align:right">公开09表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th>项目</th><th>栏次</th><th>年初预算数</th><th>全年预算数</th><th>决算数</th></tr>
<tr><th>行次</th><th></th><th>1</th><th>2</th><th>3</th></tr></thead><tbody>
<tr><td>一、“三公”经费支出</td><td>1</td><td>8.60</td><td>8.90</td><td>8.33</td></tr>
<tr><td>1.因公出国（境）费</td><td>2</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>2.公务用车购置及运行维护费</td><td>3</td><td>5.00</td><td>5.20</td><td>4.98</td></tr>
<tr><td>（1）公务用车购置费</td><td>4</td><td>0.00</td><td>0.00</td><td>0.00</td></tr>
<tr><td>（2）公务用车运行维护费</td><td>5</td><td>5.00</td><td>5.20</td><td>4.98</td></tr>
<tr><td>3.公务接待费</td><td>6</td><td>3.60</td><td>3.70</td><td>3.35</td></tr>
<tr><td>（1）国内接待费</td><td>7</td><td>---</td><td>---</td><td>3.35</td></tr>
<tr><td>其中：外事接待费</td><td>8</td><td>---</td><td>---</td><td>0.42</td></tr>
<tr><td>（2）国（境）外接待费</td><td>9</td><td>---</td><td>---</td><td></td></tr>
<tr><td>二、相关统计数</td><td>10</td><td>---</td><td>---</td><td>---</td></tr>
<tr><td>1.因公出国（境）团组数（个）</td><td>11</td><td>---</td><td>---</td><td>0</td></tr>
<tr><td>2.因公出国（境）人次数（人）</td><td>12</td><td>---</td><td>---</td><td>0</td></tr>
<tr><td>3.公务用车购置数（辆）</td><td>13</td><td>---</td><td>---</td><td>0</td></tr>
<tr><td>4.公务用车保有量（辆）</td><td>14</td><td>---</td><td>---</td><td>2</td></tr>
<tr><td>5.国内公务接待批次（个）</td><td>15</td><td>---</td><td>---</td><td>11</td></tr>
<tr><td>其中：外事接待批次（个）</td><td>16</td><td>---</td><td>---</td><td>1</td></tr>
<tr><td>6.国内公务接待人次（人）</td><td>17</td><td>---</td><td>---</td><td>78</td></tr>
<tr><td>其中：外事接待人次（人）</td><td>18</td><td>---</td><td>---</td><td>6</td></tr>
<tr><td>7.国（境）外公务接待批次（个）</td><td>19</td><td>---</td><td>---</td><td></td></tr>
<tr><td>8.国（境）外公务接待人次（人）</td><td>20</td><td>---</td><td>---</td><td></td></tr>
</tbody>
</table>
<p>注：1. 本表反映部门本年度财政拨款“三公”经费支出预决算情况。财政拨款包括一般公共预算财政拨款和政府性基金预算财政拨款。年初预算数为年初“三公”经费部门预算数；全年预算数为按规定程序调整调剂后的全年“三公”经费部门预算数；决算数为当年实际支出数。</p>
<p>2. 当此表数据为空时，即本部门（单位）无财政拨款“三公”经费支出。</p>
<p align="center"><strong>国有资产占用情况表</strong></p>
<p style="text-align:right">公开10表</p>
<p>部门：中共青禾县委宣传部&nbsp;&nbsp;&nbsp;&nbsp;2023年度&nbsp;&nbsp;&nbsp;&nbsp;单位：台、辆、套</p>
<table border="1" cellspacing="0" cellpadding="2" width="100%">
<thead><tr><th>项目</th><th>栏次</th><th>决算数</th></tr></thead><tbody>
<tr><td>一、车辆数合计(台、辆)</td><td>1</td><td>2</td></tr>
<tr><td>1. 副部（省）级及以上领导用车</td><td>2</td><td>0</td></tr>
<tr><td>2. 主要负责人用车</td><td>3</td><td>0</td></tr>
<tr><td>3. 机要通信用车</td><td>4</td><td>1</td></tr>
<tr><td>4. 应急保障用车</td><td>5</td><td>1</td></tr>
<tr><td>5. 执法执勤用车</td><td>6</td><td>0</td></tr>
<tr><td>6. 特种专业技术用车</td><td>7</td><td>0</td></tr>
<tr><td>7. 离退休干部服务用车</td><td>8</td><td>0</td></tr>
<tr><td>8. 其他用车</td><td>9</td><td>0</td></tr>
<tr><td>二、单价 100 万元（含）以上设备（不含车辆）（台、套）</td><td>10</td><td>1</td></tr>
</tbody>
</table>
<p>注：1. 本表反映截止 2023 年 12 月 31 日，部门(单位)占用的国有资产情况。</p>
<p>2. 当本表数据为空时，即本部门（单位）无相关资产。</p>
<h2>第三部分 2023 年度部门决算情况说明</h2>
<h3>一、收入决算情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度收入总计 523.12 万元，其中年初结转和结余 10.57 万元，比上年减少 2.27 万元，下降 17.68%；使用非财政拨款结余(含专用结余) 0.00 万元，与上年持平；本年收入合计 512.55 万元，比上年增加 16.35 万元，增长 3.30%，主要原因：人员经费正常调整及宣传文化项目经费增加。</p>
<p style="text-indent:2em">本年收入的具体构成：财政拨款收入 512.55 万元，占 100.00%；其他收入 0.00 万元，占 0.00%，与上年持平。</p>
<h3>二、支出决算情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度支出总计 523.12 万元，其中本年支出合计 512.50 万元，比上年增加 14.03 万元，增长 2.81%，主要原因：人员经费正常增长；结余分配 0.00 万元，与上年持平；年末结转和结余 10.62 万元，比上年增加 0.05 万元，增长 0.47%，主要原因：部分项目跨年度实施，资金结转下年使用。</p>
<p style="text-indent:2em">本年支出的具体构成：基本支出 338.40 万元，占 66.03%；项目支出 174.10 万元，占 33.97%；经营支出 0.00 万元，占 0.00%；上缴上级支出 0.00 万元，占 0.00%；对附属单位补助支出 0.00 万元，占 0.00%。</p>
<h3>三、财政拨款支出决算情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度财政拨款本年支出年初预算数 507.54 万元，决算数 512.50 万元，完成年初预算的 100.98%。其中：</p>
<p style="text-indent:2em">（一）一般公共服务支出（类）年初预算数 335.00 万元，决算数 342.65 万元，完成年初预算的 102.28%。预决算差异主要原因：决算数大于年初预算数，主要是年中追加意识形态和宣传思想工作经费。</p>
<p style="text-indent:2em">（二）文化旅游体育与传媒支出（类）年初预算数 88.00 万元，决算数 85.50 万元，完成年初预算的 97.16%。预决算差异主要原因：决算数小于年初预算数，主要是部分新时代文明实践站建设项目跨年度实施，资金结转下年使用。</p>
<p style="text-indent:2em">（三）社会保障和就业支出（类）年初预算数 51.24 万元，决算数 51.24 万元，完成年初预算的 100.00%。</p>
<p style="text-indent:2em">（四）卫生健康支出（类）年初预算数 11.80 万元，决算数 11.61 万元，完成年初预算的 98.39%。预决算差异主要原因：决算数小于年初预算数，主要是人员变动，医疗保险缴费基数调整。</p>
<p style="text-indent:2em">（五）住房保障支出（类）年初预算数 21.50 万元，决算数 21.50 万元，完成年初预算的 100.00%。</p>
<h3>四、一般公共预算财政拨款基本支出决算情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度一般公共预算财政拨款基本支出 338.40 万元，其中：</p>
<p style="text-indent:2em">（一）工资福利支出 278.65 万元，比上年增加 8.53 万元，增长 3.16%，主要原因：人员正常晋级晋档及事业单位绩效工资调整。</p>
<p style="text-indent:2em">（二）商品和服务支出 41.83 万元，比上年减少 2.23 万元，下降 5.06%，主要原因：落实过紧日子要求，压减一般性支出。</p>
<p style="text-indent:2em">（三）对个人和家庭的补助支出 17.92 万元，比上年增加 1.07 万元，增长 6.35%，主要原因：离退休人员生活补贴调整。</p>
<p style="text-indent:2em">（四）资本性支出 0.00 万元，与上年持平，主要原因：严格落实厉行节约要求，未购置办公设备。</p>
<h3>五、财政拨款“三公”经费支出决算情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度财政拨款“三公”经费支出全年预算数 8.90 万元，决算数 8.33 万元，完成全年预算的 93.60%，决算数小于全年预算数的主要原因：厉行节约，严控公务接待和公务用车运行支出；决算数比上年增加 0.15 万元，增长 1.83%，其中：</p>
<p style="text-indent:2em">（一）因公出国（境）费全年预算数 0.00 万元，决算数 0.00 万元，决算数与上年持平，主要原因：未安排因公出国（境）任务。全年安排因公出国（境）团组 0 个，累计 0 人次。</p>
<p style="text-indent:2em">（二）公务用车购置及运行维护费全年预算数 5.20 万元，决算数 4.98 万元，完成全年预算的 95.77%，其中：</p>
<p style="text-indent:2em">公务用车购置全年预算数 0.00 万元，决算数 0.00 万元，主要原因：未安排公务用车购置。决算数与上年持平，主要原因：未安排公务用车购置。全年使用财政拨款购置公务用车 0 辆。</p>
<p style="text-indent:2em">公务用车运行维护费全年预算数 5.20 万元, 决算数 4.98 万元, 完成全年预算的 95.77%, 决算数小于全年预算数的主要原因: 严格公务用车使用管理。决算数比上年减少 0.08 万元，下降 1.58%, 主要原因: 车辆维修费用减少。年末使用财政拨款负担费用的公务用车保有量 2 辆。</p>
<p style="text-indent:2em">(三) 公务接待费全年预算数 3.70 万元, 决算数 3.35 万元, 完成全年预算的 90.54%, 主要原因: 严格执行公务接待标准。决算数比上年增加 0.23 万元，增长 7.37%, 主要原因: 上级部门调研指导增加。全年国内公务接待 11 批, 累计接待 78 人次, 主要是: 上级部门调研指导及兄弟县市宣传工作交流。</p>
<h3>六、机关运行经费支出情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度机关运行经费支出 41.83 万元, 决算数比上年减少 2.23 万元，下降 5.06%, 主要原因: 压减一般性支出，公用经费支出减少。</p>
<h3>七、政府采购支出情况说明</h3>
<p style="text-indent:2em">本部门 2023 年度政府采购支出总额 18.40 万元, 其中: 政府采购货物支出 10.20 万元、政府采购工程支出 0.00 万元、政府采购服务支出 8.20 万元。</p>
<p style="text-indent:2em">授予中小企业合同金额 18.40 万元, 占政府采购支出总额的 100.00%, 其中: 授予小微企业合同金额 16.10 万元, 占授予中小企业合同金额的 87.50%。货物采购授予中小企业合同金额占货物支出金额的 100%, 工程采购授予中小企业合同金额占工程支出金额的 0%，服务采购授予中小企业合同金额占服务支出金额的 100%。</p>
<h3>八、国有资产占用情况说明</h3>
<p style="text-indent:2em">截止 2023 年 12 月 31 日，本部门共有车辆 2 辆（台），其中：副部（省）级及以上领导用车 0 辆、主要负责人用车 0 辆、机要通信用车 1 辆、应急保障用车 1 辆、执法执勤用车 0 辆、特种专业技术用车 0 辆、离退休干部服务用车 0 辆、其他用车 0 辆。本部门单价 100 万元（含）以上设备（不含车辆）1 台（套）。</p>
<h3>九、预算绩效情况说明</h3>
<h3>（一）绩效管理工作开展情况。</h3>
<p style="text-indent:2em">根据预算绩效管理要求，我部门组织对纳入2023年度部门预算范围的二级项目 3 个全面开展绩效自评，共涉及资金174.10 万元，占项目支出总额的100.00 %，其中：意识形态和宣传思想工作经费 88.60 万元、新时代文明实践中心建设经费 40.20 万元、宣传文化发展专项资金 45.30 万元。</p>
<p style="text-indent:2em">自评结果：1 个项目评价结果为“优”，1 个项目评价结果为“良”，1 个项目评价结果为“中”，0 个项目评价结果为“差”。</p>
<p style="text-indent:2em">组织对 1 个项目开展了部门评价，为：意识形态和宣传思想工作经费。涉及一般公共预算支出 88.60 万元，政府性基金预算支出 0 万元，国有资本经营预算支出 0 万元。从评价情况看，项目整体运行良好。</p>
<p style="text-indent:2em">组织开展部门整体支出绩效评价，涉及一般公共预算支出 512.50 万元，政府性基金预算支出 0 万元，整体自评得分 92 分，评价结果为“优”。从评价情况看，部门整体支出预算执行情况较好，项目执行情况较好，主要原因是项目已完成，使用了财政拨款，未使用单位自有资金。</p>
<h3>（二）部门决算中项目绩效自评情况。</h3>
<h3>1. 成立绩效评价工作小组</h3>
<p style="text-indent:2em">中共青禾县委宣传部对此项工作高度重视，成立绩效评价工作小组，统一领导、分级管理，明确工作职责，共同合作，组织开展部门整体支出绩效评价。</p>
<h3>2. 实施预算绩效管理工作</h3>
<h3>（1）项目绩效运行监控工作</h3>
<p style="text-indent:2em">全年对 3 个项目开展监控，分别为：意识形态和宣传思想工作经费、新时代文明实践中心建设经费、宣传文化发展专项资金。</p>
<h3>（2）项目支出绩效自评工作</h3>
<p style="text-indent:2em">本单位自评项目 3 个，并将自评结果及时反馈至县财政局，要求对照自评结果及时整改、上报。</p>
<h3>（3）整体支出绩效评价工作</h3>
<p style="text-indent:2em">开展了2023年度整体支出绩效评价工作，根据评价指标体系测算，整体自评得分 92 分，评价等级为“优”。</p>
<h3>（4）部门绩效评价工作</h3>
<p style="text-indent:2em">对2023年度“意识形态和宣传思想工作经费”项目开展了部门绩效评价工作，自评得分 94.00 分，评价等级为“优”。</p>
<h3>3. 综合评价情况及评价结论(附相关评分表)</h3>
<h3>（1）评分结果</h3>
<p style="text-indent:2em">围绕绩效评价指标体系，通过数据分析、实地检查及调查问卷等方式，对 3 个项目的绩效进行了客观、公开的评价，绩效项目自评平均分为 86.83 分，单位资金未开展，中共青禾县委宣传部（本级）3 个项目支出绩效自评结果如下：</p>
<p style="text-indent:2em">“意识形态和宣传思想工作经费”得分 94.00 分，评价等级为“优”；“新时代文明实践中心建设经费”得分 88.50 分，评价等级为“良”；“宣传文化发展专项资金”得分 78.00 分，评价等级为“中”。</p>
<h3>（2）主要结论</h3>
<p style="text-indent:2em">从自评情况看，2023年以来，县委宣传部坚持以习近平新时代中国特色社会主义思想为指导，围绕“举旗帜、聚民心、育新人、兴文化、展形象”的使命任务，扎实做好理论武装、新闻宣传、网络舆论、文明创建和文化惠民等各项工作，项目资金使用规范，绩效目标基本实现。</p>
<h3>4. 绩效目标完成情况总体分析</h3>
<h3>（一）履职完成情况</h3>
<h3>1. 产出数量</h3>
<p style="text-indent:2em">（1）意识形态和宣传思想工作经费。全年编发《青禾宣传》简报及各类综合材料 210 余篇；截至第三季度，全县累计开展理论宣讲 88 场次，全年累计开展理论宣讲 115 场次。</p>
<p style="text-indent:2em">（2）新时代文明实践中心建设经费。全年新建新时代文明实践站 10 个，开展志愿服务活动 298 次，组织文艺骨干约 50 人开展“送文化下乡”活动。</p>
<p style="text-indent:2em">（3）宣传文化发展专项资金。全年在中央、省、市主流媒体刊发青禾稿件 205 篇，其中：中央级媒体 19 篇、省级媒体 72 篇、市级媒体 114 篇；审核把关各类宣传品 138 件。</p>
<h3>2. 产出质量</h3>
<p style="text-indent:2em">（1）宣传稿件差错率小于 1%，新闻稿件采用率大于 95%。</p>
<h3>（2）新时代文明实践站建设验收合格率 100%。</h3>
<h3>（3）宣传文化发展专项资金项目均通过验收。</h3>
<h3>3. 产出时效</h3>
<p style="text-indent:2em">各项工作按时完成，基本达成目标。</p>
<h3>4. 产出成本</h3>
<p style="text-indent:2em">各项工作开展不超过预算，基本达成目标。</p>
<h3>(二) 履职效果情况</h3>
<h3>1. 经济效益指标</h3>
<h3>2. 社会效益指标</h3>
<p style="text-indent:2em">(1) 党的创新理论深入人心，全县干部群众理论素养进一步提升。</p>
<p style="text-indent:2em">(2) 新时代文明实践阵地覆盖面扩大，群众精神文化生活更加丰富。</p>
<h3>(3) 青禾对外形象和影响力持续提升。</h3>
<h3>3. 生态效益指标</h3>
<h3>4. 可持续影响指标</h3>
<h3>(三) 社会满意度</h3>
<h3>1. 服务对象满意度</h3>
<h3>(1) 干部群众对理论宣讲满意度≥98%。</h3>
<h3>(2) 志愿服务对象满意度达到 96%。</h3>
<h3>5. 偏离绩效目标的原因和改进措施</h3>
<h3>(一) 存在的主要问题</h3>
<p style="text-indent:2em">①部分项目执行率偏低，新时代文明实践站建设项目跨年度实施。</p>
<h3>②个别绩效指标设置不够细化。</h3>
<h3>(二)改进措施</h3>
<p style="text-indent:2em">①加强项目前期论证，加快资金支出进度</p>
<h3>②进一步细化量化绩效指标</h3>
<h3>6. 绩效自评结果应用和公开情况</h3>
<p style="text-indent:2em">绩效自评结束后，将绩效自评结果充分运用到实际工作中，不断提高资金使用绩效管理水平。一是及时将绩效评价结果反馈给项目实施股室，落实整改措施；二是将绩效评价结果应用于预算安排、完善政策和改进管理；三是将绩效目标和绩效评价结果按照政府信息公开要求进行公示。</p>
<table border="1" cellspacing="0" class="zpb">
<caption><b>项目支出绩效自评表</b><br>(2023年度)</caption>
<tr><th>项目名称</th><td colspan="8">意识形态和宣传思想工作经费</td></tr>
<tr><th>主管部门</th><td colspan="3">中共青禾县委宣传部</td><th>实施单位</th><td colspan="4">中共青禾县委宣传部</td></tr>
<tr><th rowspan="3">项目资金（万元）</th><th></th><th>年初预算数</th><th>全年预算数A</th><th>全年执行数B</th><th>分值</th><th>执行率</th><th colspan="2">得分</th></tr>
<tr><td>年度资金总额</td><td>85.00</td><td>90.00</td><td>88.60</td><td>10</td><td>98.44</td><td colspan="2">9.84</td></tr>
<tr><td>政府预算资金</td><td>85.00</td><td>90.00</td><td>88.60</td><td>—</td><td>98.44</td><td colspan="2">—</td></tr>
<tr><th rowspan="2">年度总体目标</th><th colspan="3">预期目标</th><th colspan="5">实际完成情况</th></tr>
<tr><td colspan="3">做好理论武装、新闻宣传和意识形态工作</td><td colspan="5">2023年度做好理论武装、新闻宣传和意识形态工作，基本完成</td></tr>
<tr><th rowspan="11">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>
<tr><td rowspan="3">成本指标</td><td>经济成本指标</td><td>宣传经费支出</td><td>≤90.00万元</td><td>88.60</td><td>10</td><td>10</td><td></td></tr>
<tr><td>社会成本指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>生态环境成本指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>开展理论宣讲场次</td><td>≥110场</td><td>115</td><td>20</td><td>20</td><td></td></tr>
<tr><td>质量指标</td><td>新闻稿件采用率</td><td>≥98%</td><td>96%</td><td>15</td><td>14</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>时效指标</td><td>按时完成工作任务</td><td>全年</td><td>基本达成目标</td><td>10</td><td>10</td><td></td></tr>
<tr><td rowspan="3">效益指标</td><td>经济效益指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>社会效益指标</td><td>理论武装成效</td><td>明显提升</td><td>基本达成目标</td><td>20</td><td>17.16</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>生态效益指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度</td><td>干部群众满意度</td><td>≥98%</td><td>96</td><td>15</td><td>13</td><td></td></tr>
<tr><th colspan="6">总分</th><td>100</td><td>94.00</td><td></td></tr>
</table>
<table border="1" cellspacing="0" class="zpb">
<caption><b>项目支出绩效自评表</b><br>(2023年度)</caption>
<tr><th>项目名称</th><td colspan="8">新时代文明实践中心建设经费</td></tr>
<tr><th>主管部门</th><td colspan="3">中共青禾县委宣传部</td><th>实施单位</th><td colspan="4">青禾县新时代文明实践服</td></tr>
<tr><th rowspan="3">项目资金（万元）</th><th></th><th>年初预算数</th><th>全年预算数A</th><th>全年执行数B</th><th>分值</th><th>执行率</th><th colspan="2">得分</th></tr>
<tr><td>年度资金总额</td><td>40.00</td><td>42.00</td><td>40.20</td><td>10</td><td>95.71</td><td colspan="2">9.57</td></tr>
<tr><td>政府预算资金</td><td>40.00</td><td>42.00</td><td>40.20</td><td>—</td><td>95.71</td><td colspan="2">—</td></tr>
<tr><th rowspan="2">年度总体目标</th><th colspan="3">预期目标</th><th colspan="5">实际完成情况</th></tr>
<tr><td colspan="3">推进新时代文明实践中心（所、站）建设</td><td colspan="5">2023年度推进新时代文明实践中心（所、站）建设，基本完成</td></tr>
<tr><th rowspan="11">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>
<tr><td rowspan="3">成本指标</td><td>经济成本指标</td><td>宣传经费支出</td><td>≤42.00万元</td><td>40.20</td><td>10</td><td>10</td><td></td></tr>
<tr><td>社会成本指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>生态环境成本指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>新建新时代文明实践站</td><td>≥15个</td><td>10</td><td>20</td><td>18</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>质量指标</td><td>实践站建设验收合格率</td><td>100%</td><td>100%</td><td>15</td><td>12</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>时效指标</td><td>按计划完成建设</td><td>年底前</td><td>部分站点跨年</td><td>10</td><td>9</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td rowspan="3">效益指标</td><td>经济效益指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>社会效益指标</td><td>群众精神文化生活</td><td>更加丰富</td><td>基本达成目标</td><td>20</td><td>17</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>生态效益指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度</td><td>志愿服务对象满意度</td><td>≥95%</td><td>96</td><td>15</td><td>12.93</td><td></td></tr>
<tr><th colspan="6">总分</th><td>100</td><td>88.50</td><td></td></tr>
</table>
<table border="1" cellspacing="0" class="zpb">
<caption><b>项目支出绩效自评表</b><br>(2023年度)</caption>
<tr><th>项目名称</th><td colspan="8">宣传文化发展专项资金</td></tr>
<tr><th>主管部门</th><td colspan="3">中共青禾县委宣传部</td><th>实施单位</th><td colspan="4">中共青禾县委宣传部</td></tr>
<tr><th rowspan="3">项目资金（万元）</th><th></th><th>年初预算数</th><th>全年预算数A</th><th>全年执行数B</th><th>分值</th><th>执行率</th><th colspan="2">得分</th></tr>
<tr><td>年度资金总额</td><td>50.00</td><td>55.00</td><td>45.30</td><td>10</td><td>82.36</td><td colspan="2">8.24</td></tr>
<tr><td>政府预算资金</td><td>50.00</td><td>55.00</td><td>45.30</td><td>—</td><td>82.36</td><td colspan="2">—</td></tr>
<tr><th rowspan="2">年度总体目标</th><th colspan="3">预期目标</th><th colspan="5">实际完成情况</th></tr>
<tr><td colspan="3">支持宣传文化重点项目</td><td colspan="5">2023年度支持宣传文化重点项目，基本完成</td></tr>
<tr><th rowspan="11">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>
<tr><td rowspan="3">成本指标</td><td>经济成本指标</td><td>宣传经费支出</td><td>≤55.00万元</td><td>45.30</td><td>10</td><td>9</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>社会成本指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>生态环境成本指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>主流媒体刊发稿件</td><td>≥200篇</td><td>205</td><td>20</td><td>16</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>质量指标</td><td>项目验收通过率</td><td>100%</td><td>100%</td><td>15</td><td>11</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>时效指标</td><td>资金使用时效</td><td>2023年</td><td>部分完成</td><td>10</td><td>8</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td rowspan="3">效益指标</td><td>经济效益指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>社会效益指标</td><td>青禾对外形象</td><td>持续提升</td><td>部分实现目标</td><td>20</td><td>14</td><td>部分完成，今后将加强项目管理</td></tr>
<tr><td>生态效益指标</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度</td><td>宣传文化单位满意度</td><td>≥95%</td><td>90</td><td>15</td><td>11.76</td><td></td></tr>
<tr><th colspan="6">总分</th><td>100</td><td>78.00</td><td></td></tr>
</table>
<h3>（三）部门评价项目绩效评价情况。</h3>
<p style="text-indent:2em">项目部门评价报告见第五部分附件。</p>
<h2>第四部分 名词解释</h2>
<h3>一、收入科目</h3>
<h3>（一）财政拨款：指县级财政当年拨付的资金。</h3>
<h3>（二）事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。</h3>
<h3>（三）其他收入：指除财政拨款、事业收入、事业单位经营收入等以外的各项收入。</h3>
<p style="text-indent:2em">（四）上年结转和结余：填列 2022 年全部结转和结余的资金数，包括当年结转结余资金和历年滚存结转结余资金。</p>
<h3>二、支出科目</h3>
<p style="text-indent:2em">（一）一般公共服务支出（类）宣传事务（款）行政运行（项）：反映宣传部门的基本支出。</p>
<p style="text-indent:2em">（二）一般公共服务支出（类）宣传事务（款）事业运行（项）：反映宣传部门所属事业单位的基本支出。</p>
<p style="text-indent:2em">（三）一般公共服务支出（类）宣传事务（款）其他宣传事务支出（项）：反映除上述项目以外其他用于宣传事务方面的支出。</p>
<p style="text-indent:2em">（四）文化旅游体育与传媒支出（类）文化和旅游（款）群众文化（项）：反映用于群众文化活动及新时代文明实践阵地建设的支出。</p>
<p style="text-indent:2em">（五）文化旅游体育与传媒支出（类）其他文化旅游体育与传媒支出（款）宣传文化发展专项支出（项）：反映用于宣传文化发展专项资金的支出。</p>
<p style="text-indent:2em">（六）社会保障和就业支出（类）行政事业单位养老支出（款）：反映行政事业单位离退休经费及养老保险、职业年金缴费支出。</p>
<p style="text-indent:2em">（七）卫生健康支出（类）行政事业单位医疗（款）：反映行政事业单位基本医疗保险缴费支出。</p>
<p style="text-indent:2em">（八）住房保障支出（类）住房改革支出（款）住房公积金（项）：反映行政事业单位按规定为职工缴存的住房公积金。</p>
<h3>三、相关专业名词</h3>
<p style="text-indent:2em">（一）“三公”经费：是指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车车辆购置支出（含车辆购置税、牌照费），按规定保留的公务用车燃料费、维修费、过桥过路费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。</p>
<p style="text-indent:2em">（二）机关运行经费：是指用财政拨款安排的为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公费、印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。</p>
<h2>第五部分 附件</h2>
<h2>2023 年中共青禾县委宣传部“意识形态和宣传思想工作经费”项目</h2>
<h2>部门评价报告</h2>
<p style="text-indent:2em">评价类型：实施过程评价 完成结果评价</p>
<p style="text-indent:2em">项目名称：2023 年度中共青禾县委宣传部“意识形态和宣传思想工作经费”项目部门评价</p>
<p style="text-indent:2em">项目单位：中共青禾县委宣传部</p>
<p style="text-indent:2em">主管部门：中共青禾县委宣传部</p>
<p style="text-indent:2em">组织方式：财政部门 主管部门 项目单位</p>
<p style="text-indent:2em">评价机构：第三方机构 专家组 项目单位评价组</p>
<p style="text-indent:2em">评价单位（盖章）：中共青禾县委宣传部</p>
<p style="text-align:right">2024 年 3 月 20 日</p>
<h2>目 录</h2>
<table class="mulu">
<tr><td>一、基本情况</td><td align="right">38</td></tr>
<tr><td>(一) 项目概况</td><td align="right">38</td></tr>
<tr><td>(二) 项目绩效目标</td><td align="right">40</td></tr>
<tr><td>二、绩效评价工作开展情况</td><td align="right">40</td></tr>
<tr><td>(一) 绩效评价目的、对象和范围</td><td align="right">40</td></tr>
<tr><td>(二) 绩效评价原则、评价指标体系、评价方法、评价标准</td><td align="right">41</td></tr>
<tr><td>(三) 绩效评价工作过程</td><td align="right">42</td></tr>
<tr><td>三、综合评价情况及评价结论</td><td align="right">42</td></tr>
<tr><td>四、绩效评价指标分析</td><td align="right">43</td></tr>
<tr><td>五、主要经验及做法、存在的问题及原因分析</td><td align="right">44</td></tr>
<tr><td>六、有关建议</td><td align="right">44</td></tr>
<tr><td>七、其他需要说明的问题</td><td align="right">44</td></tr>
</table>
<h2>2023 年中共青禾县委宣传部“意识形态和宣传思想工作经费”项目</h2>
<h2>部门评价报告</h2>
<p style="text-indent:2em">为深入贯彻党的二十大精神，全面推进实施绩效管理，根据《青禾县财政局关于做好2024年预算绩效管理工作的通知》等文件要求，中共青禾县委宣传部（以下简称“我部”）选择“意识形态和宣传思想工作经费”项目进行绩效评价，现将绩效评价情况报告如下：</p>
<h3>一、基本情况</h3>
<h3>（一）项目概况</h3>
<h3>1. 项目背景、主要内容及实施情况</h3>
<p style="text-indent:2em">项目主要用于全县理论学习宣讲、新闻宣传、网络宣传和意识形态工作，保障县委宣传部各项宣传思想工作顺利开展。</p>
<p style="text-indent:2em">全年累计开展理论宣讲 115 场次，编发《青禾宣传》简报及各类综合材料 210 余篇，组织重大主题宣传活动，及时回应社会关切。</p>
<h3>2. 资金投入和使用情况</h3>
<h3>（1）资金投入情况</h3>
<p style="text-indent:2em">“意识形态和宣传思想工作经费”项目年初预算 85.00 万元，调整后预算 90.00 万元，实际到位 90.00 万元，资金到位率 100%，均为本级财政资金。</p>
<h3>（2）资金使用情况</h3>
<p style="text-indent:2em">“意识形态和宣传思想工作经费”项目共使用 88.60 万元，结余资金 1.40 万元，资金执行率 98.44%。</p>
<h3>（二）项目绩效目标</h3>
<p style="text-indent:2em">总体目标：做好理论武装、新闻宣传和意识形态工作，推动党的创新理论深入人心。</p>
<p style="text-indent:2em">阶段性目标：按季度完成理论宣讲、新闻宣传等各项工作任务。</p>
<h3>二、绩效评价工作开展情况</h3>
<h3>（一）绩效评价目的、对象和范围</h3>
<p style="text-indent:2em">加强财政支出管理，考核评价项目的预期目标是否实现，分析存在的问题，改进项目管理措施，提高项目绩效管理水平。</p>
<h3>（二）绩效评价原则、评价指标体系、评价方法、评价标准</h3>
<h3>1、绩效评价遵循科学公正、统筹兼顾、激励约束、公开透明的基本原则。</h3>
<h3>2、绩效评价指标体系</h3>
<p style="text-indent:2em">本次评价设置 4 个一级指标，分别为：决策、过程、产出、效益。</p>
<p style="text-indent:2em">一级指标下设项目立项、绩效目标、资金投入、资金管理、组织实施、产出数量、产出质量、产出时效、产出成本、社会效益、可持续影响、服务对象满意度 12 个二级指标。（具体详见附件：部门评价表）</p>
<p style="text-indent:2em">指标权重按百分制设置，其中，决策指标占 20%，过程指标占 20%，产出指标占 30%，效益指标占 30%。</p>
<h3>3、评价方法和标准</h3>
<p style="text-indent:2em">评价方法主要采用成本效益法、比较分析法，将预期目标与实际结果进行比较，并以案卷研究、现场核验、满意度调查等形式开展绩效评价。</p>
<h3>（三）绩效评价工作过程</h3>
<p style="text-indent:2em">根据《青禾县财政局关于做好2024年预算绩效管理工作的通知》要求，我部成立了“意识形态和宣传思想工作经费”项目绩效评价小组，由评价小组制定绩效评价实施方案。</p>
<h3>三、综合评价情况及评价结论</h3>
<p style="text-indent:2em">通过对“意识形态和宣传思想工作经费”项目进行绩效评价，评价小组认为项目立项依据充分、立项程序规范，综合项目预算执行和绩效指标值完成情况，“意识形态和宣传思想工作经费”项目评价得分 94.00 分，绩效评价等级为“优”。</p>
<h3>四、绩效评价指标分析</h3>
<h3>（一）项目决策情况</h3>
<p style="text-indent:2em">项目立项符合县委宣传部职能定位，绩效目标与实际工作内容具有相关性，预算编制科学，资金分配合理。</p>
<h3>（二）项目过程情况</h3>
<p style="text-indent:2em">“意识形态和宣传思想工作经费”项目预算 90.00 万元，到位资金 90.00 万元，资金到位率 100%；共使用 88.60 万元，预算执行率为 98.44%。资金使用符合国家财经法规和财务管理制度，不存在截留、挤占、挪用、虚列支出等情况。</p>
<h3>（三）项目产出情况</h3>
<p style="text-indent:2em">全年累计开展理论宣讲 115 场次，宣传稿件差错率小于 1%，各项工作按时完成。</p>
<h3>（四）项目效益情况</h3>
<p style="text-indent:2em">党的创新理论深入人心，干部群众对理论宣讲满意度≥98%。</p>
<h3>五、主要经验及做法、存在的问题及原因分析</h3>
<h3>（一）主要经验及做法</h3>
<p style="text-indent:2em">坚持定期评估项目绩效，建立结果反馈整改机制，形成“评价－反馈－整改－再评价”的良性循环。</p>
<h3>（二）存在的问题及原因分析</h3>
<p style="text-indent:2em">个别绩效指标设置不够细化，部分指标难以量化考核。</p>
<h3>六、有关建议</h3>
<p style="text-indent:2em">1. 进一步细化量化绩效指标，提高绩效目标的科学性。</p>
<h3>2. 加快项目资金支出进度。</h3>
<h3>七、其他需要说明的问题</h3>
<p style="text-indent:2em">无。</p>
</#if>
</div>
<div id="footer">主办：青禾县人民政府办公室 版权所有 备案号：青ICP备00000000号</div>
<script src="/js/stat.js"></script>
</body>
</html>
