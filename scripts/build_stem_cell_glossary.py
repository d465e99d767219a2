# id; zh; zh_admitted; en; en_admitted; en_deprecated; case_sensitive; domain; note
rows = r"""
nmpa;国家药品监督管理局;国家药监局;National Medical Products Administration;NMPA;National Drug Administration|State Drug Administration|National Drug Supervision Administration|National Medical Products Supervision Administration;NMPA;regulator;China's drug regulator since 2018 (formerly CFDA)
cde;药品审评中心;国家药监局药品审评中心;Center for Drug Evaluation;CDE;Drug Evaluation Center|Drug Review Center|Center for Drug Review|Drug Evaluation Centre;CDE;regulator;CDE of the NMPA
nhc;国家卫生健康委员会;国家卫健委|卫健委;National Health Commission;NHC;National Health and Health Commission|National Health and Wellness Committee|Health and Health Commission;NHC;regulator;
fda;美国食品药品监督管理局;美国食品药品管理局|美国FDA;U.S. Food and Drug Administration;FDA|Food and Drug Administration;American Food and Drug Administration|US Food and Drug Supervision Administration|American Food and Drug Supervision Administration;FDA;regulator;
ema;欧洲药品管理局;;European Medicines Agency;EMA;European Drug Administration|European Medicines Administration|European Drug Management Agency;EMA;regulator;
nifdc;中国食品药品检定研究院;中检院;National Institutes for Food and Drug Control;NIFDC;China Food and Drug Inspection Research Institute|China Institute of Food and Drug Verification and Research|China Food and Drug Testing Research Institute;NIFDC;regulator;
most;科学技术部;科技部;Ministry of Science and Technology;MOST;Science and Technology Department|Department of Science and Technology;MOST;regulator;the acronym is case-sensitive: "most" is a word
st-daily;科技日报;;Science and Technology Daily;S&T Daily;Technology Daily|Sci-Tech Daily newspaper;;media;
plagh;中国人民解放军总医院;解放军总医院|301医院;Chinese PLA General Hospital;PLA General Hospital;General Hospital of the People's Liberation Army|People's Liberation Army General Hospital|Liberation Army General Hospital;PLA;institution;
geriatrics-institute;老年医学研究所;;Institute of Geriatrics;;Geriatric Medicine Research Institute|Old Age Medicine Research Institute|Elderly Medicine Institute;;institution;
hainan-ftp;海南自由贸易港;海南自贸港;Hainan Free Trade Port;;Hainan Free Trade Harbor|Hainan Free Trade Harbour|Hainan Free Trade Zone Port;;regulation;
boao-lecheng;博鳌乐城国际医疗旅游先行区;乐城先行区;Boao Lecheng International Medical Tourism Pilot Zone;Lecheng Pilot Zone;Boao Lecheng International Medical Tourism Pioneer Zone|Boao Lecheng International Medical Tourism Leading Area|Lecheng Pioneer Zone;;regulation;
amimestrocel;艾米迈托赛注射液;艾米迈托赛;Amimestrocel Injection;amimestrocel;Amimatosa Injection|Aimi Maituosai Injection|Amimetosai Injection|Amimatosai Injection;;product;the first stem cell drug approved by the NMPA (January 2025)
gvhd;移植物抗宿主病;;graft-versus-host disease;GVHD;graft anti-host disease|transplant anti-host disease|implant anti-host disease|graft against host disease;GVHD;GVHD;
agvhd;急性移植物抗宿主病;;acute graft-versus-host disease;aGVHD|acute GVHD;acute graft anti-host disease|acute transplant anti-host disease|acute implant anti-host disease;aGVHD|acute GVHD;GVHD;
cgvhd;慢性移植物抗宿主病;;chronic graft-versus-host disease;cGVHD|chronic GVHD;chronic graft anti-host disease|chronic transplant anti-host disease;cGVHD|chronic GVHD;GVHD;
steroid-refractory;激素治疗失败;激素难治性|激素耐药;steroid-refractory;steroid-resistant|steroid refractoriness;hormone therapy failure|hormone treatment failure|failure of hormone therapy|hormone-refractory|hormone resistant;;GVHD;激素 here is corticosteroids, not hormones in general
glucocorticoid;糖皮质激素;皮质类固醇;glucocorticoid;corticosteroid|steroid;sugar corticosteroid|sugar cortical hormone|glycocorticoid hormone;;GVHD;
gi-tract;消化道;胃肠道;gastrointestinal tract;GI tract|digestive tract;digestive channel|digestion road|digestive path;GI;GVHD;
hsct;造血干细胞移植;;hematopoietic stem cell transplantation;HSCT|haematopoietic stem cell transplantation|hematopoietic stem cell transplant;hematopoietic stem cell transfer|hemopoietic dry cell transplantation|blood-making stem cell transplantation;HSCT;GVHD;
allo-hsct;异基因造血干细胞移植;;allogeneic hematopoietic stem cell transplantation;allo-HSCT|allogeneic HSCT|allogeneic hematopoietic stem cell transplant;heterologous gene hematopoietic stem cell transplantation|heterogeneous gene hematopoietic stem cell transplantation|xenogeneic hematopoietic stem cell transplantation;allo-HSCT|allogeneic HSCT;GVHD;
bmt;骨髓移植;;bone marrow transplantation;bone marrow transplant|BMT;bone pith transplantation|bone marrow transplanting|marrow implantation;BMT;GVHD;
donor;供者;供体;donor;;supplier|provider|donator;;GVHD;
recipient;受者;受体者;recipient;;receiver|acceptor|accepting person;;GVHD;
rejection;排斥反应;;rejection;graft rejection|rejection reaction;repulsion reaction|exclusion reaction|rejecting reaction;;GVHD;
immune-rejection;免疫排斥;;immune rejection;;immune exclusion|immune repulsion|immunity rejection;;GVHD;
stem-cell;干细胞;;stem cell;;dry cell|trunk cell|stem cellular;;cell biology;干 is stem here, not dry
msc;间充质干细胞;间质干细胞;mesenchymal stem cell;MSC|mesenchymal stromal cell;interstitial stem cell|mesenchyme stem cell|mesenchymal dry cell;MSC;cell biology;
uc-msc;脐带间充质干细胞;;umbilical cord mesenchymal stem cell;UC-MSC|umbilical cord MSC;umbilical belt mesenchymal stem cell|umbilical cord interstitial stem cell|navel cord mesenchymal stem cell;UC-MSC|umbilical cord MSC;cell biology;
hsc;造血干细胞;;hematopoietic stem cell;HSC|haematopoietic stem cell;blood-making stem cell|hemopoietic dry cell|blood-forming dry cell;HSC;cell biology;
ipsc;诱导多能干细胞;;induced pluripotent stem cell;iPSC|iPS cell;induced multipotent stem cell|induced pluripotent dry cell|induced multi-energy stem cell;iPSC|iPS cell;cell biology;
esc;胚胎干细胞;;embryonic stem cell;ESC;embryo dry cell|embryo stem cell|embryonal dry cell;ESC;cell biology;
pluripotency;多能性;;pluripotency;multipotency;multi-energy|versatility|multiple energy;;cell biology;
off-the-shelf;通用型干细胞;通用干细胞;off-the-shelf stem cell;universal donor stem cell|allogeneic off-the-shelf stem cell;universal stem cell|general-purpose stem cell|general stem cell|all-purpose stem cell;;cell biology;cells from donors usable for many recipients, while "universal stem cells" is read as cells that treat any disease
heterogeneity;异质性;;heterogeneity;heterogeneous;heterogeneous nature|heterogeneousness|dissimilarity;;cell biology;
subpopulation;干细胞亚群;;stem cell subpopulation;stem cell subset;stem cell subgroup|stem cell sub-group|sub-cluster;;cell biology;
marker;标志物;标记物;marker;biomarker;sign object|marking object|mark substance;;cell biology;
autologous;自体;;autologous;;self-body|own body|own-body;;cell biology;
allogeneic;异体;同种异体;allogeneic;allogenic;foreign body|different body|heterologous body;;cell biology;
umbilical-cord;脐带;;umbilical cord;;navel belt|umbilical belt|navel cord;;cell biology;
bone-marrow;骨髓;;bone marrow;;bone pith|marrow of bones|bone medulla;;cell biology;
exosome;外泌体;;exosome;extracellular vesicle;exocrine body|outer secretion body|external secretion body;;cell biology;
organoid;类器官;;organoid;;organ-like|organ analog|organ analogue|class organ;;cell biology;
cytokine;细胞因子;;cytokine;;cell factor|cellular factor|cell element;;immunology;
crs;细胞因子释放综合征;;cytokine release syndrome;CRS;cell factor release syndrome|cytokine release comprehensive disease|cytokine release complex syndrome;CRS;immunology;
immune-cell;免疫细胞;;immune cell;immunocyte;immunity cell|immunization cell|immune cellular;;immunology;
cell-therapy;细胞治疗;细胞疗法;cell therapy;cell-based therapy;cell cure|cellular cure|cell remedy;;therapy;
stem-cell-therapy;干细胞治疗;干细胞疗法;stem cell therapy;stem cell treatment|stem cell-based therapy;dry cell therapy|stem cell cure|dry cell treatment;;therapy;
gene-therapy;基因治疗;基因疗法;gene therapy;;genetic therapy|gene cure|genetic cure;;therapy;
tissue-engineering;组织工程;;tissue engineering;;organization engineering|organisation engineering|organizational engineering;;therapy;组织 is tissue here, not organization
cell-drug;细胞药物;细胞治疗产品;cell therapy product;cell-based drug|cell-based medicinal product;cellular medicine|cell medicament|cellular drug product;;therapy;
stem-cell-drug;干细胞药物;干细胞治疗药物;stem cell drug;stem cell therapy drug|stem cell therapy product|stem cell-based drug;dry cell drug|stem cell medicament|stem cell medication;;therapy;
car-t;CAR-T细胞疗法;CAR-T细胞治疗|嵌合抗原受体T细胞疗法;CAR-T cell therapy;CAR T-cell therapy|chimeric antigen receptor T-cell therapy;mosaic antigen receptor T cell therapy|chimeric antigen acceptor T cell therapy|chimeric antigen receptor T cellular therapy;CAR-T cell therapy|CAR T-cell therapy;therapy;
single-cell-omics;单细胞组学;;single-cell omics;single-cell multi-omics;single cell group science|single cell group learning|monocyte omics;;research;
autoimmune-disease;自身免疫性疾病;自身免疫病;autoimmune disease;;self-immune disease|own immune disease|self-immunity disease;;disease;
diabetes;糖尿病;;diabetes;diabetes mellitus;sugar urine disease|glycuresis disease|sugar urine illness;;disease;
crohn;克罗恩病;;Crohn's disease;Crohn disease;Crone's disease|Crone disease|Kroen disease;;disease;
rare-disease;罕见病;;rare disease;;rarely seen disease|uncommon illness|rare sickness;;disease;
pharmacology;药理学;;pharmacology;;drug science|drug theory|medicine theory;;pharmacology;
pharmacological-evaluation;药理学评价;药效学评价;pharmacological evaluation;pharmacological assessment;drug theory evaluation|pharmacology evaluation work;;pharmacology;
toxicology;毒理学;;toxicology;;poison science|toxic theory|poisoning theory;;toxicology;
toxicology-evaluation;毒理学评价;毒理评价;toxicological evaluation;toxicology assessment|toxicology evaluation;poison theory evaluation|toxic theory evaluation;;toxicology;
pk;药代动力学;药物代谢动力学;pharmacokinetics;PK;drug generation kinetics|drug metabolism dynamics|drug generation dynamics;PK;pharmacology;
pd;药效学;药效动力学;pharmacodynamics;PD;drug efficacy science|drug effect study|drug effect dynamics;PD;pharmacology;
half-life;半衰期;;half-life;elimination half-life;half decay period|half-decay period|half declining period;;pharmacology;
moa;作用机制;作用机理;mechanism of action;MoA;action mechanism|function mechanism|acting mechanism;MoA;pharmacology;
route;给药途径;;route of administration;;drug delivery route|medication pathway|administration pathway;;pharmacology;
dose;给药剂量;剂量;dose;dosage;drug amount|medicine amount|dosing amount;;pharmacology;
adverse-reaction;不良反应;药品不良反应;adverse reaction;adverse drug reaction|ADR;bad reaction|undesirable reaction|poor reaction;ADR;safety;
adverse-event;不良事件;;adverse event;AE;bad event|undesirable event|poor event;AE;safety;
safety-evaluation;安全性评价;;safety evaluation;safety assessment;security evaluation|security assessment|safety appraise;;safety;安全性 is safety, not security
efficacy;疗效;;efficacy;therapeutic efficacy;curative effect|treatment effect quality|healing effect;;efficacy;
effectiveness;有效性;;effectiveness;;validity|availability of effect|effectivity;;efficacy;
indication;适应症;适应证;indication;;adaptation disease|adaptive disease|adaptation symptom|applicable disease;;efficacy;
contraindication;禁忌症;禁忌证;contraindication;;taboo disease|taboo symptom|forbidden disease;;safety;
bioavailability;生物利用度;;bioavailability;;biological utilization|bioutilization|biological utilization degree;;pharmacology;
large-molecule;大分子药物;生物大分子药物;large-molecule drug;macromolecular drug|biologic;big molecule drug|great molecule drug;;pharmacology;
chemical-drug;化学药物;化学药品|化药;chemical drug;small-molecule drug;chemistry drug|chemistry medicine|chemical medicament;;pharmacology;
preclinical;临床前研究;;preclinical study;preclinical research|nonclinical study;before-clinical study|preclinic study|pre-bed study;;development;
clinical-trial;临床试验;;clinical trial;;clinical test|clinical experiment|clinical testing;;trials;
phase-1;I期临床试验;Ⅰ期临床试验|1期临床试验;phase I clinical trial;phase 1 clinical trial|phase I trial|phase 1 trial;first-phase clinical trial|stage I clinical trial|period I clinical trial|first stage clinical trial;;trials;
phase-2;II期临床试验;Ⅱ期临床试验|2期临床试验;phase II clinical trial;phase 2 clinical trial|phase II trial|phase 2 trial;second-phase clinical trial|stage II clinical trial|period II clinical trial|second stage clinical trial;;trials;
phase-3;III期临床试验;Ⅲ期临床试验|3期临床试验;phase III clinical trial;phase 3 clinical trial|phase III trial|phase 3 trial;third-phase clinical trial|stage III clinical trial|period III clinical trial|third stage clinical trial;;trials;
clinical-research;临床研究;;clinical research;clinical study;clinic research|bedside research|clinical researching;;trials;
rct;随机对照试验;;randomized controlled trial;randomised controlled trial|RCT;random control test|randomized control experiment|random controlled test;RCT;trials;
double-blind;双盲;;double-blind;;double blindness|double-blinded eyes|two blind;;trials;
placebo;安慰剂;;placebo;;comfort agent|consolation agent|comfort drug;;trials;
subject;受试者;;trial participant;participant|study participant|subject;tested person|testee|tested subject;;trials;
informed-consent;知情同意;知情同意书;informed consent;informed consent form;informed agreement|know and agree|knowing consent;;trials;
ethics-committee;伦理委员会;;ethics committee;institutional review board|IRB;moral committee|ethic committee|morality committee;IRB;trials;
iit;研究者发起的临床研究;研究者发起的临床试验;investigator-initiated trial;investigator-initiated clinical study|IIT;researcher-initiated clinical research|researcher-launched clinical study|researcher initiated clinical research;IIT;trials;
orr;总缓解率;客观缓解率;overall response rate;objective response rate|ORR;total remission rate|total relief rate|overall relief rate;ORR;efficacy;
complete-response;完全缓解;;complete response;complete remission;complete relief|full relief|total relief;;efficacy;
survival-rate;生存率;;survival rate;;living rate|survive rate|survival ratio rate;;efficacy;
priority-review;优先审评审批程序;优先审评;priority review procedure;priority review and approval procedure|priority review;priority evaluation and approval process|preferential review|priority assessment and approval program;;approval;
conditional-approval;附条件批准;有条件批准;conditional approval;approval with conditions;attached-condition approval|conditions attached approval|approval with attached conditions;;approval;
marketing-authorization;上市许可;;marketing authorization;marketing authorisation|marketing approval;listing license|listing permit|market license|listing licence;;approval;上市 is market launch, not a stock-exchange listing
launch;上市;获批上市;launch;marketing approval|market launch|approval for marketing|on the market;listing|go public|be listed;;approval;上市 is market launch, not a stock-exchange listing
ind;新药临床试验申请;临床试验申请;investigational new drug application;IND|IND application;new drug clinical trial application|clinical trial application for new drugs|new drug clinical test application;IND;approval;
nda;新药上市申请;上市申请;new drug application;NDA|marketing application;new drug listing application|listing application|new drug launch application;NDA;approval;
breakthrough;突破性治疗药物;突破性疗法;breakthrough therapy;breakthrough therapy designation;breakthrough treatment drug|breakthrough therapeutic drug|breakthrough treatment medicine;;approval;
guideline;指导原则;;guideline;guidance;guiding principle|guidance principle|guide principle;;regulation;
technical-guideline;技术指导原则;;technical guideline;technical guidance;technical guiding principle|technology guidance principle|technical guide principle;;regulation;
drug-registration;药品注册;;drug registration;;drug enrollment|medicine enrollment|drug register;;approval;
filing;备案;;filing;registration|record-filing;put on record|record keeping filing|keep on record;;regulation;
medical-technology;医疗技术;;medical technology;;medical craft|medical skill technology|medical technique technology;;regulation;
dual-track;双轨制;双轨;dual-track system;dual-track approach|dual-track model;double track system|dual rail system|double-track system;;regulation;
manufacturing-process;生产工艺;;manufacturing process;production process;production craft|manufacturing craft|production technique craft;;manufacturing;
quality-control;质量控制;质控;quality control;QC;mass control|quality controlling|mass controlling;QC;manufacturing;质量 is quality here, not mass
gmp;药品生产质量管理规范;;Good Manufacturing Practice;GMP;Drug Production Quality Management Standard|pharmaceutical production quality management specification|Drug Production Quality Management Specification;GMP;manufacturing;
gcp;药物临床试验质量管理规范;;Good Clinical Practice;GCP;Drug Clinical Trial Quality Management Standard|quality management specification for drug clinical trials|Drug Clinical Trial Quality Management Specification;GCP;trials;
cell-bank;细胞库;;cell bank;;cell library|cell warehouse|cell storehouse;;manufacturing;
master-cell-bank;主细胞库;;master cell bank;MCB;main cell library|master cell library|main cell bank;MCB;manufacturing;
orphan-drug;孤儿药;;orphan drug;;orphan medicine|orphaned drug|orphan medication;;approval;
"""
"""Build glossaries/stem-cell-therapy.zh-en.csv from the table above; then convert it with
`termcheck glossary convert` to .xlsx and .tbx. Columns: id; zh; zh_admitted; en; en_admitted;
en_deprecated; case_sensitive; domain; note."""
import csv, sys
out = csv.writer(open(sys.argv[1], "w", newline="", encoding="utf-8"), lineterminator="\n")
out.writerow(["id","zh","zh_admitted","en","en_admitted","en_deprecated","case_sensitive","exact","deprecated_everywhere","domain","note"])
ids=set()
for line in rows.strip().splitlines():
    f = line.split(";", 8)
    assert len(f) == 9, (len(f), line)
    cid, zh, zha, en, ena, end, cs, dom, note = f
    assert cid not in ids, cid; ids.add(cid)
    assert end, cid
    ens = [en, *[x for x in ena.split("|") if x]]
    if cs:
        # case-sensitive applies to the listed English terms only
        for t in cs.split("|"):
            if t not in ens: cs = "|".join(x for x in cs.split("|") if x in ens)
    out.writerow([cid, zh, zha, en, ena, end, cs, "", "", dom, note])
print(len(ids))
