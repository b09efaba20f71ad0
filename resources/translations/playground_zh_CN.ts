<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivationView</name>
    <message>
        <source>value</source>
        <translation>函数值</translation>
    </message>
    <message>
        <source>z on training data</source>
        <translation>训练数据上的 z</translation>
    </message>
    <message>
        <source>No hidden layer: the network is a linear model followed by its output head.</source>
        <translation>没有隐藏层：网络就是一个线性模型再接输出层。</translation>
    </message>
    <message>
        <source>Layer {i}: dead {d}/{n} ({dp:.0%}) · saturated {s}/{n} ({sp:.0%})</source>
        <translation>第 {i} 层：死亡 {d}/{n}（{dp:.0%}）· 饱和 {s}/{n}（{sp:.0%}）</translation>
    </message>
</context>
<context>
    <name>CollapseView</name>
    <message>
        <source>Draw the single map&apos;s boundary on the plane</source>
        <translation>在平面上画出这个单一映射的决策边界</translation>
    </message>
    <message>
        <source>A dashed line where the one collapsed map gives ½: it lies on the network&apos;s own boundary.</source>
        <translation>虚线是坍缩后的单一映射输出 ½ 的位置：它与网络自身的决策边界重合。</translation>
    </message>
    <message>
        <source>Every hidden activation is linear, so the whole network is ONE affine map z = W·x + b before its output head: however deep, it draws one straight boundary.</source>
        <translation>所有隐藏层的激活函数都是线性的，所以在输出层激活之前，整个网络就是一个仿射映射 z = W·x + b：无论叠多少层，它都只能画出一条直线边界。</translation>
    </message>
    <message>
        <source>Layers %1 bend the plane, so the network is not one linear map.</source>
        <translation>第 %1 层把平面弯折了，所以整个网络不是一个线性映射。</translation>
    </message>
    <message>
        <source>Layers joined by linear activations still merge:</source>
        <translation>以线性激活相连的层仍会合并：</translation>
    </message>
    <message>
        <source>%1 (the output layer)</source>
        <translation>%1（输出层）</translation>
    </message>
    <message>
        <source>Layers %1 to %2 act as one map:</source>
        <translation>第 %1 层到第 %2 层等价于一个映射：</translation>
    </message>
    <message>
        <source>max |stack − single map| on the training points: %1</source>
        <translation>在训练点上，逐层计算与单一映射之差的最大绝对值：%1</translation>
    </message>
</context>
<context>
    <name>CompareChooser</name>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>Activation of every hidden layer</source>
        <translation>每个隐藏层的激活函数</translation>
    </message>
    <message>
        <source>Depth (hidden layers)</source>
        <translation>深度（隐藏层数）</translation>
    </message>
    <message>
        <source>The one choice in which network B differs from network A.</source>
        <translation>网络 B 与网络 A 唯一不同的那一项选择。</translation>
    </message>
    <message>
        <source>B&apos;s value; B is built again and both sides start over.</source>
        <translation>B 的取值；B 会重新构建，两边都从头开始。</translation>
    </message>
    <message>
        <source>B differs in</source>
        <translation>B 不同之处</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B：</translation>
    </message>
</context>
<context>
    <name>CompareControls</name>
    <message>
        <source>Start or pause training on both sides. (Space)</source>
        <translation>开始或暂停两边的训练。（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one epoch on both sides. (S)</source>
        <translation>两边各训练一轮。（S）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Both sides back to their initial weights. (R)</source>
        <translation>两边都回到初始权重。（R）</translation>
    </message>
    <message>
        <source>Epochs trained per second, the same on both sides so they stay in step.</source>
        <translation>每秒训练的轮数，两边相同，保持同步。</translation>
    </message>
    <message>
        <source>Epochs / second</source>
        <translation>每秒轮数</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare — Activation Playground</source>
        <translation>对比 — 激活函数演练场</translation>
    </message>
    <message>
        <source>Both sides are the same network</source>
        <translation>两边是同一个网络</translation>
    </message>
</context>
<context>
    <name>DataCanvas</name>
    <message>
        <source>{d}-D data: showing the first two standardized features ({a}, {b}).
The decision map is not available.</source>
        <translation>{d} 维数据：显示前两个标准化特征（{a}, {b}）。
无法显示决策区域图。</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y (target)</source>
        <translation>y（目标值）</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Your own points</source>
        <translation>自己的数据点</translation>
    </message>
    <message>
        <source>Points drawn or imported by you; choose a data set to generate new ones.</source>
        <translation>你自己画出或导入的数据点；选择一个数据集可以生成新的数据点。</translation>
    </message>
    <message>
        <source>How much the points are jittered away from the clean pattern (0–100 %).</source>
        <translation>数据点偏离理想图案的抖动程度（0–100 %）。</translation>
    </message>
    <message>
        <source>Number of points to generate (train + test).</source>
        <translation>要生成的数据点数量（训练集 + 测试集）。</translation>
    </message>
    <message>
        <source>Share of the points held out for testing: the network never trains on them, so they show whether it generalizes.</source>
        <translation>留作测试的数据点比例：网络从不在这些点上训练，因此它们能显示模型的泛化能力。</translation>
    </message>
    <message>
        <source>Number of classes K (only for data sets that take one). K &gt; 2 uses a softmax output with K units.</source>
        <translation>类别数 K（仅适用于支持多类别的数据集）。K &gt; 2 时输出层使用 K 个神经元的 Softmax。</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Draw a new random sample of this data set.</source>
        <translation>从该数据集重新随机抽取一组样本。</translation>
    </message>
    <message>
        <source>%1 points, %2 for testing</source>
        <translation>共 %1 个点，其中 %2 个用于测试</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>%1 classes</source>
        <translation>%1 个类别</translation>
    </message>
    <message>
        <source>Show test points</source>
        <translation>显示测试点</translation>
    </message>
    <message>
        <source>Draw the held-out test points (hollow).</source>
        <translation>绘制留出的测试点（空心）。</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Colour the background by the predicted class only, instead of by confidence.</source>
        <translation>背景只按预测类别着色，而不按置信度着色。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
</context>
<context>
    <name>EquationsView</name>
    <message>
        <source>Layer %1 (output)</source>
        <translation>第 %1 层（输出层）</translation>
    </message>
    <message>
        <source>Layer %1 (hidden)</source>
        <translation>第 %1 层（隐藏层）</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>the first %1 training points, one per column (batch size %2)</source>
        <translation>前 %1 个训练点，每列一个（批大小 %2）</translation>
    </message>
    <message>
        <source>With a %1 output and %2, g′[%3] cancels against the loss: dZ[%3] needs no slope of the head.</source>
        <translation>输出为 %1、损失为 %2 时，g′[%3] 与损失函数相互抵消：dZ[%3] 不需要输出激活的斜率。</translation>
    </message>
    <message>
        <source>With a %1 output and %2, dZ[%3] = dA[%3] ∘ g′[%3](Z[%3]): the head&apos;s slope scales the error.</source>
        <translation>输出为 %1、损失为 %2 时，dZ[%3] = dA[%3] ∘ g′[%3](Z[%3])：输出激活的斜率会缩放误差。</translation>
    </message>
    <message>
        <source>Every shape matches an actual forward and backward pass on these m points.</source>
        <translation>每个形状都与在这 m 个点上实际做一次前向和反向传播的结果一致。</translation>
    </message>
    <message>
        <source>Some shapes differ from the pass on these m points.</source>
        <translation>有些形状与在这 m 个点上实际传播的结果不一致。</translation>
    </message>
    <message>
        <source>Loss J: %1, %2 over the m samples.</source>
        <translation>损失 J：%1，%2（对 m 个样本计算）。</translation>
    </message>
    <message>
        <source>Here dZ is per sample (m·∂J/∂Z); the 1/m goes into dW and db. Training folds the 1/m into dZ[L] instead: the same dW and db.</source>
        <translation>这里 dZ 按每个样本计（m·∂J/∂Z），1/m 放进 dW 和 db。训练时则把 1/m 并入 dZ[L]：得到的 dW 和 db 完全相同。</translation>
    </message>
    <message>
        <source>Training then adds the %1 regularization gradient (λ = %2) to each dW.</source>
        <translation>训练时还会把 %1 正则化的梯度（λ = %2）加到每个 dW 上。</translation>
    </message>
    <message>
        <source>Samples in the batch the equations are written for: the first m training points, one per column.</source>
        <translation>这些方程所对应的批中的样本数：前 m 个训练点，每列一个。</translation>
    </message>
    <message>
        <source>Use the batch size</source>
        <translation>使用批大小</translation>
    </message>
    <message>
        <source>Let m follow the training batch size.</source>
        <translation>让 m 跟随训练的批大小。</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <source>&amp;Keras code…</source>
        <translation>Keras 代码(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;PyTorch code…</source>
        <translation>PyTorch 代码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;NumPy code…</source>
        <translation>NumPy 代码(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Weights (.npz)…</source>
        <translation>权重 (.npz)(&amp;W)…</translation>
    </message>
    <message>
        <source>NumPy archives (*.npz)</source>
        <translation>NumPy 存档 (*.npz)</translation>
    </message>
    <message>
        <source>P&amp;oints (.csv)…</source>
        <translation>数据点 (.csv)(&amp;O)…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>A Python file that builds this network in Keras 3 with its current weights and checks its predictions.</source>
        <translation>一个 Python 文件：用 Keras 3 搭建这个网络，载入当前权重，并核对它的预测。</translation>
    </message>
    <message>
        <source>A Python file with a torch.nn.Sequential model, its current weights and a training loop like the app&apos;s.</source>
        <translation>一个 Python 文件：包含 torch.nn.Sequential 模型、当前权重，以及与本应用相同的训练循环。</translation>
    </message>
    <message>
        <source>A Python file with the forward pass in NumPy alone.</source>
        <translation>一个只用 NumPy 实现前向传播的 Python 文件。</translation>
    </message>
    <message>
        <source>The current weights W0, b0, W1, b1, … (W: outputs × inputs).</source>
        <translation>当前的权重 W0、b0、W1、b1……（W：输出数 × 输入数）。</translation>
    </message>
    <message>
        <source>Coordinates, label and train/test split of every point.</source>
        <translation>每个数据点的坐标、标签以及训练/测试划分。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export %1</source>
        <translation>无法导出 %1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>%1 is the project&apos;s own file; choose another name.</source>
        <translation>%1 是项目本身的文件；请换一个文件名。</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This project has changes that are not saved. Save them first?</source>
        <translation>此项目有尚未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Projects (*.json)</source>
        <translation>项目文件 (*.json)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <source>Cannot export the points</source>
        <translation>无法导出数据点</translation>
    </message>
</context>
<context>
    <name>ForwardInspector</name>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Follow the pointer again (or Shift+click the plane).</source>
        <translation>重新跟随鼠标指针（或在平面上 Shift+单击）。</translation>
    </message>
    <message>
        <source>Keep this point while the pointer moves (or Shift+click the plane).</source>
        <translation>指针移动时保留这个点（或在平面上 Shift+单击）。</translation>
    </message>
    <message>
        <source>Pinned at %1</source>
        <translation>已固定在 %1</translation>
    </message>
    <message>
        <source>At the pointer: %1. Shift+click the plane to pin a point.</source>
        <translation>指针处：%1。在平面上 Shift+单击可固定一个点。</translation>
    </message>
    <message>
        <source>…(%1 more: %2)</source>
        <translation>…（另有 %1 项：%2）</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Output layer · %1 × %2</source>
        <translation>输出层 · %1 × %2</translation>
    </message>
    <message>
        <source>Layer %1 · %2 × %3</source>
        <translation>第 %1 层 · %2 × %3</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>predicted class %1</source>
        <translation>预测类别 %1</translation>
    </message>
    <message>
        <source>Output value: %1</source>
        <translation>输出值：%1</translation>
    </message>
    <message>
        <source>P(class %1) = %2, so the predicted class is %3</source>
        <translation>P(类别 %1) = %2，所以预测类别是 %3</translation>
    </message>
    <message>
        <source>The largest output is %1: predicted class %2</source>
        <translation>最大的输出是 %1：预测类别 %2</translation>
    </message>
    <message>
        <source>Each unit adds input × weight over its inputs, plus 1 × bias (the bias is the weight of a constant input 1): that sum z passes through the activation, a = f(z), to the next layer. Grey units are off: they pass 0 on.</source>
        <translation>每个单元把所有输入的“输入 × 权重”相加，再加上 1 × 偏置（偏置就是常数输入 1 的权重）：这个和 z 经过激活函数得到 a = f(z)，传给下一层。灰色单元处于关闭状态：它们向后传的是 0。</translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>‖dL/dW‖</source>
        <translation>‖dL/dW‖</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>activation a</source>
        <translation>激活值 a</translation>
    </message>
    <message>
        <source>gradient dℓ/dz</source>
        <translation>梯度 dℓ/dz</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>With no hidden layer the gradient has nothing to pass through: only the output layer learns.</source>
        <translation>没有隐藏层时，梯度无需向下传递：只有输出层在学习。</translation>
    </message>
    <message>
        <source>No gradient recorded yet: while training, every %1 steps the norm ‖dL/dW‖ of each layer&apos;s mini-batch gradient is recorded.</source>
        <translation>还没有记录梯度：训练时每 %1 步记录一次各层小批量梯度的范数 ‖dL/dW‖。</translation>
    </message>
    <message>
        <source>Layer 1&apos;s gradient is 1/%1 of the output layer&apos;s: the first layers barely learn (vanishing gradients).</source>
        <translation>第 1 层的梯度只有输出层的 1/%1：前面几层几乎学不动（梯度消失）。</translation>
    </message>
    <message>
        <source>Layer 1&apos;s gradient is %1 times the output layer&apos;s: it grows on its way back to the input.</source>
        <translation>第 1 层的梯度是输出层的 %1 倍：它在反向传回输入的途中变大了。</translation>
    </message>
    <message>
        <source>Layer 1&apos;s gradient is %1 times the output layer&apos;s: the error signal reaches the first layers.</source>
        <translation>第 1 层的梯度是输出层的 %1 倍：误差信号能传到前面几层。</translation>
    </message>
    <message>
        <source>Right, on the training points now: each hidden layer&apos;s activations (mass at the ends: saturated) and the gradients it passes back (narrower toward the top: vanishing; their rms at the right).</source>
        <translation>右侧是当前训练点上的情况：每个隐藏层的激活值（堆积在两端表示饱和）和它反向传回的梯度（越往上越窄表示梯度消失；右边标出均方根）。</translation>
    </message>
</context>
<context>
    <name>HiddenSpaceView</name>
    <message>
        <source>The hidden layer whose units are the axes.</source>
        <translation>以该隐藏层的神经元作为坐标轴。</translation>
    </message>
    <message>
        <source>The unit of the layer on this axis.</source>
        <translation>这条坐标轴对应的神经元。</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>主成分</translation>
    </message>
    <message>
        <source>Show the two directions along which the layer&apos;s values spread most (principal components) instead of two units.</source>
        <translation>显示该层数值分布最广的两个方向（主成分），而不是两个神经元。</translation>
    </message>
    <message>
        <source>z = W·a + b</source>
        <translation>z = W·a + b</translation>
    </message>
    <message>
        <source>a = f(z)</source>
        <translation>a = f(z)</translation>
    </message>
    <message>
        <source>Before the activation: only a linear map so far.</source>
        <translation>激活之前：到这里为止只是线性映射。</translation>
    </message>
    <message>
        <source>After the activation: where the bend happens.</source>
        <translation>激活之后：弯折就发生在这里。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>%1 (%2 units)</source>
        <translation>%1（%2 个神经元）</translation>
    </message>
    <message>
        <source>before its activation (z)</source>
        <translation>激活之前（z）</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>经过 %1 之后</translation>
    </message>
    <message>
        <source>Layer %1, %2: grey lines are the input plane&apos;s grid, mapped.</source>
        <translation>第 %1 层，%2：灰线是输入平面的网格线映射到这里的样子。</translation>
    </message>
    <message>
        <source>The black line is where the output is ½: in this space one straight line separates the classes.</source>
        <translation>黑线是输出为 ½ 的位置：在这个空间里，一条直线就能把两类分开。</translation>
    </message>
</context>
<context>
    <name>InsightArea</name>
    <message>
        <source>Hidden space</source>
        <translation>隐藏空间</translation>
    </message>
    <message>
        <source>Linear collapse</source>
        <translation>线性坍缩</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>Layer equations</source>
        <translation>各层方程</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>洞察视图</translation>
    </message>
    <message>
        <source>Show or hide the %1 view</source>
        <translation>显示或隐藏“%1”视图</translation>
    </message>
</context>
<context>
    <name>InsightViews</name>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
</context>
<context>
    <name>LayerCard</name>
    <message>
        <source>Move this layer up</source>
        <translation>将此层上移</translation>
    </message>
    <message>
        <source>Move this layer down</source>
        <translation>将此层下移</translation>
    </message>
    <message>
        <source>Add a layer after this one</source>
        <translation>在此层之后添加一层</translation>
    </message>
    <message>
        <source>Remove this layer</source>
        <translation>删除此层</translation>
    </message>
    <message>
        <source> units</source>
        <translation> 个神经元</translation>
    </message>
    <message>
        <source>Number of neurons in this layer (1–64).</source>
        <translation>此层的神经元个数（1–64）。</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Parameter %1 of %2 (default %3).</source>
        <translation>%2 的参数 %1（默认 %3）。</translation>
    </message>
</context>
<context>
    <name>LessonsDock</name>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Guided experiments that check themselves (F1).</source>
        <translation>会自我检查的引导实验（F1）。</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Inspector pinned at</source>
        <translation>检查器固定于</translation>
    </message>
    <message>
        <source>Layer shown</source>
        <translation>显示的层</translation>
    </message>
    <message>
        <source>Equations&apos; m</source>
        <translation>方程中的 m</translation>
    </message>
    <message>
        <source>Hidden-space layer</source>
        <translation>隐藏空间的层</translation>
    </message>
    <message>
        <source>Hidden-space units</source>
        <translation>隐藏空间的神经元</translation>
    </message>
    <message>
        <source>Hidden-space stage</source>
        <translation>隐藏空间的阶段</translation>
    </message>
    <message>
        <source>Single map on the plane</source>
        <translation>平面上的单一映射</translation>
    </message>
    <message>
        <source>Linear regions on the plane</source>
        <translation>平面上的线性区域</translation>
    </message>
    <message>
        <source>the batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Choose a lesson</source>
        <translation>选择课程</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Steps of this lesson (✓: its check held)</source>
        <translation>本课的各个步骤（✓：检查已通过）</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Set it up</source>
        <translation>一键设置</translation>
    </message>
    <message>
        <source>Apply this step&apos;s data, network, training and views to the window</source>
        <translation>把这一步的数据、网络、训练设置和视图应用到窗口</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>先预测</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1/%2 步：%3</translation>
    </message>
    <message>
        <source>Compare mode, side B:</source>
        <translation>对比模式，B 侧：</translation>
    </message>
    <message>
        <source>For comparison, try side B too:</source>
        <translation>作为对比，也试试 B 侧：</translation>
    </message>
    <message>
        <source>Pick an answer, then train.</source>
        <translation>先选一个答案，再开始训练。</translation>
    </message>
    <message>
        <source>The answer shows after %1 epochs of training (now %2).</source>
        <translation>训练 %1 轮后显示答案（现在第 %2 轮）。</translation>
    </message>
    <message>
        <source>Right.</source>
        <translation>答对了。</translation>
    </message>
    <message>
        <source>Not quite: the answer is “%1”.</source>
        <translation>不太对：答案是“%1”。</translation>
    </message>
    <message>
        <source>Holds in the current run</source>
        <translation>在当前运行中成立</translation>
    </message>
    <message>
        <source>Not shown in the current run yet</source>
        <translation>当前运行中尚未出现</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>epoch {e}</source>
        <translation>第 {e} 轮</translation>
    </message>
    <message>
        <source>train loss {v:.4g}</source>
        <translation>训练损失 {v:.4g}</translation>
    </message>
    <message>
        <source>test loss {v:.4g}</source>
        <translation>测试损失 {v:.4g}</translation>
    </message>
    <message>
        <source>train acc {v:.1%}</source>
        <translation>训练准确率 {v:.1%}</translation>
    </message>
    <message>
        <source>test acc {v:.1%}</source>
        <translation>测试准确率 {v:.1%}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loss</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Activation Playground</source>
        <translation>激活函数演练场</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>test loss %1</source>
        <translation>测试损失 %1</translation>
    </message>
    <message>
        <source>accuracy (train / test) %1</source>
        <translation>准确率（训练 / 测试）%1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Regularization rate</source>
        <translation>正则化率</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>Output head</source>
        <translation>输出层激活</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>测试集比例</translation>
    </message>
</context>
<context>
    <name>NetworkBuilder</name>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <source>Add a hidden layer. With none, the network is linear in its input features.</source>
        <translation>添加一个隐藏层。没有隐藏层时，网络对输入特征是线性的。</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>The output head and loss follow the task: two classes → sigmoid + binary cross-entropy, K classes → softmax + cross-entropy, regression → linear + squared error. Choose another head to see what goes wrong.</source>
        <translation>输出函数和损失函数由任务决定：二分类 → Sigmoid + 二元交叉熵，K 类 → Softmax + 交叉熵，回归 → 线性 + 平方误差。换一个输出函数，看看会出什么问题。</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>输出函数</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Random seed of the initial weights and batch order: the same seed gives the same run.</source>
        <translation>初始权重和批次顺序的随机种子：相同的种子得到相同的训练过程。</translation>
    </message>
    <message>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>x₁: the horizontal coordinate of each point.</source>
        <translation>x₁：每个数据点的横坐标。</translation>
    </message>
    <message>
        <source>x₂: the vertical coordinate of each point.</source>
        <translation>x₂：每个数据点的纵坐标。</translation>
    </message>
    <message>
        <source>x₁²: the square of x₁ — a bowl along x₁.</source>
        <translation>x₁²：x₁ 的平方——沿 x₁ 方向的碗形。</translation>
    </message>
    <message>
        <source>x₂²: the square of x₂ — a bowl along x₂.</source>
        <translation>x₂²：x₂ 的平方——沿 x₂ 方向的碗形。</translation>
    </message>
    <message>
        <source>x₁·x₂: the product — positive in two opposite quadrants.</source>
        <translation>x₁·x₂：两者的乘积——在两个相对的象限中为正。</translation>
    </message>
    <message>
        <source>sin x₁: a wave along x₁.</source>
        <translation>sin x₁：沿 x₁ 方向的波。</translation>
    </message>
    <message>
        <source>sin x₂: a wave along x₂.</source>
        <translation>sin x₂：沿 x₂ 方向的波。</translation>
    </message>
    <message>
        <source>%1 of %2 hidden layers</source>
        <translation>%1 个隐藏层（最多 %2 个）</translation>
    </message>
    <message>
        <source>%1 → %2 output(s)
Loss: %3</source>
        <translation>%1 → %2 个输出
损失：%3</translation>
    </message>
    <message>
        <source>auto (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>1-D data: only the x₁ features apply.</source>
        <translation>一维数据：只有 x₁ 相关特征可用。</translation>
    </message>
    <message>
        <source>%1-D data: the raw columns feed the network; features apply to 2-D data only.</source>
        <translation>%1 维数据：原始各列直接输入网络；特征变换只适用于二维数据。</translation>
    </message>
    <message>
        <source>At least one input feature must stay on.</source>
        <translation>至少要保留一个输入特征。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output
{act}</source>
        <translation>输出
{act}</translation>
    </message>
    <message>
        <source>L{i}
{n}
{act}</source>
        <translation>第{i}层
{n}
{act}</translation>
    </message>
    <message>
        <source>Layer {i}
{n} × {act}</source>
        <translation>第 {i} 层
{n} × {act}</translation>
    </message>
    <message>
        <source>dead %1</source>
        <translation>死亡 %1</translation>
    </message>
    <message>
        <source>sat %1</source>
        <translation>饱和 %1</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>layer {i}</source>
        <translation>第 {i} 层</translation>
    </message>
    <message>
        <source>Input {name}</source>
        <translation>输入 {name}</translation>
    </message>
    <message>
        <source>at the pinned point: {name} = {a:.4g}</source>
        <translation>在固定点处：{name} = {a:.4g}</translation>
    </message>
    <message>
        <source>{where}, unit {u}
bias b = {b:.4g}
{formula}
Click to enlarge</source>
        <translation>{where}，第 {u} 个神经元
偏置 b = {b:.4g}
{formula}
单击放大</translation>
    </message>
    <message>
        <source>at the pinned point: z = {z:.4g}, a = {a:.4g}</source>
        <translation>在固定点处：z = {z:.4g}，a = {a:.4g}</translation>
    </message>
    <message>
        <source>active on {p}% of training inputs</source>
        <translation>在 {p}% 的训练输入上处于激活状态</translation>
    </message>
    <message>
        <source>dead: its slope is 0 on every training input, so it cannot learn</source>
        <translation>死亡：它在每个训练输入上的斜率都是 0，因此无法学习</translation>
    </message>
    <message>
        <source>saturated: its slope is below {slope:g} on {p}% or more of the training inputs</source>
        <translation>饱和：它在 {p}% 或更多的训练输入上斜率低于 {slope:g}</translation>
    </message>
    <message>
        <source>{where} unit {u}</source>
        <translation>{where}第 {u} 个神经元</translation>
    </message>
    <message>
        <source>weight w = {w:.4g}
{a} → {b}
{formula}</source>
        <translation>权重 w = {w:.4g}
{a} → {b}
{formula}</translation>
    </message>
    <message>
        <source>Strongest {shown} of {total} links shown</source>
        <translation>显示了 {total} 条连接中最强的 {shown} 条</translation>
    </message>
</context>
<context>
    <name>NeuronPopup</name>
    <message>
        <source>Output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Layer {i}</source>
        <translation>第 {i} 层</translation>
    </message>
    <message>
        <source>{where}, unit {u} · {act}</source>
        <translation>{where}，第 {u} 个神经元 · {act}</translation>
    </message>
    <message>
        <source>Incoming weights and bias</source>
        <translation>输入权重与偏置</translation>
    </message>
    <message>
        <source>No map for data with more than two inputs: the weights below show what the unit computes.</source>
        <translation>输入多于两个的数据无法画出平面图：下面的权重说明了这个单元计算什么。</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>View all</source>
        <translation>显示全部</translation>
    </message>
</context>
<context>
    <name>PointImport</name>
    <message>
        <source>Row %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <source>Cannot import %1</source>
        <translation>无法导入 %1</translation>
    </message>
    <message>
        <source>Imported %1 points from %2</source>
        <translation>已从 %2 导入 %1 个数据点</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Which column is the label?</source>
        <translation>哪一列是标签？</translation>
    </message>
    <message>
        <source>No column is called label, class, y or target.
Choose the column the network should predict:</source>
        <translation>没有名为 label、class、y 或 target 的列。
请选择网络要预测的那一列：</translation>
    </message>
    <message>
        <source>Classes or regression?</source>
        <translation>分类还是回归？</translation>
    </message>
    <message>
        <source>How should the labels be read?</source>
        <translation>标签应当如何解读？</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
</context>
<context>
    <name>PointTools</name>
    <message>
        <source>Edit points</source>
        <translation>编辑数据点</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Eraser: click a point to remove it (right-click removes too).</source>
        <translation>橡皮擦：单击数据点将其删除（右键单击也可删除）。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every point.</source>
        <translation>删除所有数据点。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last point edit (Ctrl+Z).</source>
        <translation>撤销上一次数据点编辑（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z).</source>
        <translation>重做（Ctrl+Shift+Z）。</translation>
    </message>
    <message>
        <source>1-D data: a click adds a point at (x, value); the click height is the value.</source>
        <translation>一维数据：点击在 (x, 值) 处添加一个点；点击的高度就是它的值。</translation>
    </message>
    <message>
        <source>%1-D data cannot be drawn on the plane.</source>
        <translation>%1 维数据无法在平面上绘制。</translation>
    </message>
    <message>
        <source>Value of a clicked point</source>
        <translation>新加数据点的目标值</translation>
    </message>
    <message>
        <source>Clicked points get the target value %1 (key %2).</source>
        <translation>单击添加的数据点取目标值 %1（按键 %2）。</translation>
    </message>
    <message>
        <source>Class of a clicked point</source>
        <translation>新加数据点的类别</translation>
    </message>
    <message>
        <source>A new class %1: clicked points start it (key %1).</source>
        <translation>新的类别 %1：点击添加的点将开启这个类别（按键 %1）。</translation>
    </message>
    <message>
        <source>Clicked points join class %1 (key %2).</source>
        <translation>点击添加的点属于类别 %1（按键 %2）。</translation>
    </message>
</context>
<context>
    <name>RangeSpinBox</name>
    <message>
        <source>Allowed: %1 to %2</source>
        <translation>允许的范围：%1 到 %2</translation>
    </message>
</context>
<context>
    <name>RateCombo</name>
    <message>
        <source>more than 0</source>
        <translation>大于 0</translation>
    </message>
    <message>
        <source>Allowed: %1 to %2</source>
        <translation>允许的范围：%1 到 %2</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Activation Playground did not close normally last time. Its unsaved work was kept:</source>
        <translation>激活函数演练场上次没有正常关闭。未保存的工作已被保留：</translation>
    </message>
    <message>
        <source>%1, autosaved %2</source>
        <translation>%1，自动保存于 %2</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Open the autosaved project (it is not saved yet).</source>
        <translation>打开自动保存的项目（它尚未保存）。</translation>
    </message>
    <message>
        <source>Delete the autosaved work.</source>
        <translation>删除自动保存的工作。</translation>
    </message>
    <message>
        <source>Ask again at the next start.</source>
        <translation>下次启动时再询问。</translation>
    </message>
    <message>
        <source>Cannot recover the work</source>
        <translation>无法恢复这些工作</translation>
    </message>
</context>
<context>
    <name>RegionsOverlay</name>
    <message>
        <source>1 linear region: one linear map</source>
        <translation>1 个线性区域：只有一个线性映射</translation>
    </message>
    <message>
        <source>%1 linear regions</source>
        <translation>%1 个线性区域</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>线性区域</translation>
    </message>
    <message>
        <source>Cut the plane into its linear regions: on each piece the network is one linear map (Ctrl+L). Hover a piece to read its map; Ctrl+click two pieces to compare them.</source>
        <translation>把平面切分成线性区域：在每一块上，网络都只是一个线性映射（Ctrl+L）。鼠标悬停可查看这一块的映射；按住 Ctrl 单击两块可以比较它们。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Region %1 of %2 · units on: %3</source>
        <translation>第 %1 个区域（共 %2 个）· 激活的单元：%3</translation>
    </message>
    <message>
        <source>A (region %1): </source>
        <translation>A（第 %1 个区域）：</translation>
    </message>
    <message>
        <source>B (region %1): </source>
        <translation>B（第 %1 个区域）：</translation>
    </message>
    <message>
        <source>They differ in %1: other units are on, so the network is another linear map there. One map alone could not bend the boundary.</source>
        <translation>两者在 %1 上不同：激活的单元不一样，所以网络在那里是另一个线性映射。单独一个线性映射无法把边界弯折。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Reset to the initial weights.</source>
        <translation>已重置为初始权重。</translation>
    </message>
    <message>
        <source>New initial weights (seed %1).</source>
        <translation>已生成新的初始权重（随机种子 %1）。</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one epoch: one pass over every training point, in mini-batches. (S)</source>
        <translation>训练一轮：按小批量遍历一次全部训练点。(S)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to step 0 with the same initial weights, so a change can be compared fairly. (R)</source>
        <translation>用相同的初始权重回到第 0 步，以便公平地比较改动的效果。(R)</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>新权重</translation>
    </message>
    <message>
        <source>Re-initialize: draw new initial weights from a new seed and start again.</source>
        <translation>重新初始化：用新的随机种子生成新的初始权重并重新开始。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate η: the size of each step down the gradient. Too small and the loss barely moves; too large and it jumps around or explodes to NaN. Type any value in (0, %1].</source>
        <translation>学习率 η：沿梯度下降每一步的步长。太小，损失几乎不动；太大，损失来回跳动甚至发散为 NaN。可输入 (0, %1] 内的任意值。</translation>
    </message>
    <message>
        <source>How the gradient becomes a step: plain SGD, SGD with momentum (a running sum of gradients), or Adam (a per-weight step size).</source>
        <translation>如何把梯度变成一步更新：普通 SGD、带动量的 SGD（梯度的滑动累加），或 Adam（每个权重各自的步长）。</translation>
    </message>
    <message>
        <source>Points per gradient step. Small batches give noisy but many steps per epoch; a large batch gives one smooth step.</source>
        <translation>每次梯度更新使用的数据点数。小批量每轮更新次数多但噪声大；大批量每次更新更平稳。</translation>
    </message>
    <message>
        <source>Penalty on large weights: L1 pushes weights to exactly zero, L2 shrinks them all.</source>
        <translation>对大权重的惩罚：L1 把权重压到恰好为零，L2 让所有权重整体缩小。</translation>
    </message>
    <message>
        <source>Regularization rate λ: how strongly the penalty counts against the loss.</source>
        <translation>正则化率 λ：惩罚项在损失中所占的分量。</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>Epochs trained per second: slow lets you watch the boundary move step by step; max trains as fast as the computer can.</source>
        <translation>每秒训练的轮数：慢速可以一步步看着决策边界移动；max 表示尽计算机所能全速训练。</translation>
    </message>
    <message>
        <source>Epochs / second</source>
        <translation>每秒轮数</translation>
    </message>
    <message>
        <source>Stop after epoch %1</source>
        <translation>训练到第 %1 轮时停止</translation>
    </message>
    <message>
        <source>Stop at train loss ≤ %1</source>
        <translation>当训练损失 ≤ %1 时停止</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Show or hide the rules that pause training by themselves.</source>
        <translation>显示或隐藏让训练自动暂停的规则。</translation>
    </message>
    <message>
        <source>Stop rules (on)</source>
        <translation>停止条件（已启用）</translation>
    </message>
    <message>
        <source>Stop rules</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <source>Pause training when this epoch is reached.</source>
        <translation>到达此轮次时暂停训练。</translation>
    </message>
    <message>
        <source>Pause training once the training loss falls to this value.</source>
        <translation>训练损失降到此值时暂停训练。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Pause training (Space)</source>
        <translation>暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Start training (Space)</source>
        <translation>开始训练（空格键）</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>step %1 · train loss %2</source>
        <translation>第 %1 步 · 训练损失 %2</translation>
    </message>
</context>
<context>
    <name>ViewPictures</name>
    <message>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Cannot export the picture</source>
        <translation>无法导出图片</translation>
    </message>
    <message>
        <source>%1: choose a file name ending in .png or .svg.</source>
        <translation>%1：请选择以 .png 或 .svg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The %1 view is on the clipboard.</source>
        <translation>“%1”视图已复制到剪贴板。</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the %1 view</source>
        <translation>导出“%1”视图</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>View to export:</source>
        <translation>要导出的视图：</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Insights</source>
        <translation>洞察视图(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Why &amp;non-linear activations?</source>
        <translation>为什么需要非线性激活函数？(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start from an empty plane: draw your own points.</source>
        <translation>从空白平面开始：自己绘制数据点。</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved project (.json).</source>
        <translation>打开已保存的项目（.json）。</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save points, network, settings and the current weights.</source>
        <translation>保存数据点、网络结构、设置和当前权重。</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;experiment</source>
        <translation>打开实验(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Import points…</source>
        <translation>导入数据点(&amp;I)…</translation>
    </message>
    <message>
        <source>Replace the points with those of a CSV file (undoable); you can also drop the file on the window.</source>
        <translation>用 CSV 文件中的数据点替换当前数据点（可撤销）；也可以把文件拖放到窗口上。</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Export &amp;view…</source>
        <translation>导出视图(&amp;V)…</translation>
    </message>
    <message>
        <source>A picture (PNG or SVG) of one view; right-click a view for the same.</source>
        <translation>把某个视图导出为图片（PNG 或 SVG）；在视图上右键单击也可以。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change to the points.</source>
        <translation>撤销对数据点的上一次修改。</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear points</source>
        <translation>清空数据点(&amp;C)</translation>
    </message>
    <message>
        <source>Remove every point (undoable).</source>
        <translation>删除所有数据点（可撤销）。</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>运行 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Start or pause training.</source>
        <translation>开始或暂停训练。</translation>
    </message>
    <message>
        <source>&amp;Step one epoch</source>
        <translation>单步训练一轮(&amp;S)</translation>
    </message>
    <message>
        <source>One pass over the training points, then pause.</source>
        <translation>遍历一次全部训练点，然后暂停。</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the same initial weights: replay the same run.</source>
        <translation>回到相同的初始权重：重放同一次训练。</translation>
    </message>
    <message>
        <source>Re-&amp;initialize</source>
        <translation>重新初始化(&amp;I)</translation>
    </message>
    <message>
        <source>New random initial weights (the next seed).</source>
        <translation>新的随机初始权重（使用下一个随机种子）。</translation>
    </message>
    <message>
        <source>Show &amp;test points</source>
        <translation>显示测试点(&amp;T)</translation>
    </message>
    <message>
        <source>Test points are held out: the network never trains on them.</source>
        <translation>测试点是留出的：网络从不在这些点上训练。</translation>
    </message>
    <message>
        <source>&amp;Discretize output</source>
        <translation>离散化输出(&amp;D)</translation>
    </message>
    <message>
        <source>Colour by the predicted class only.</source>
        <translation>只按预测类别着色。</translation>
    </message>
    <message>
        <source>&amp;Log-scale loss</source>
        <translation>损失使用对数坐标(&amp;L)</translation>
    </message>
    <message>
        <source>Linear &amp;regions</source>
        <translation>线性区域(&amp;R)</translation>
    </message>
    <message>
        <source>Cut the plane into the pieces where the network is one linear map (ReLU, Leaky ReLU, Step, Linear).</source>
        <translation>把平面切分成若干块，网络在每一块上都是一个线性映射（适用于 ReLU、Leaky ReLU、阶跃函数、线性激活）。</translation>
    </message>
    <message>
        <source>&amp;Reset plane view</source>
        <translation>重置平面视图(&amp;R)</translation>
    </message>
    <message>
        <source>Fit the plane to the points again (the mouse wheel zooms in and out around the pointer).</source>
        <translation>重新让平面适配所有数据点（鼠标滚轮可围绕指针放大、缩小）。</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>对比(&amp;C)…</translation>
    </message>
    <message>
        <source>Train the same points side by side with a second network that differs in one choice.</source>
        <translation>用只在一项选择上不同的第二个网络，在相同的数据点上并排训练。</translation>
    </message>
    <message>
        <source>Draw class %1</source>
        <translation>绘制类别 %1</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with larger fonts and points, for a projector.</source>
        <translation>全屏显示，字号和数据点更大，适合投影。</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger fonts and points.</source>
        <translation>更大的字号和数据点。</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Smaller fonts and points.</source>
        <translation>更小的字号和数据点。</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Switch the interface language (training goes on).</source>
        <translation>切换界面语言（训练不会中断）。</translation>
    </message>
    <message>
        <source>Why non-linear activations?</source>
        <translation>为什么需要非线性激活函数？</translation>
    </message>
    <message>
        <source>Each layer computes z = W·a + b. Without a bend between layers, two layers give W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂): again a single linear map, so a deep stack of linear layers can only draw a straight boundary.

An activation such as tanh or ReLU bends each unit&apos;s output. Combining bent pieces lets the network draw curved boundaries — try XOR with linear layers, then switch one layer to tanh while it trains.</source>
        <translation>每一层计算 z = W·a + b。如果层与层之间没有“弯折”，两层叠加得到 W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂)：仍然只是一个线性映射，所以再深的线性层堆叠也只能画出一条直线边界。

tanh 或 ReLU 这样的激活函数会让每个神经元的输出发生弯折。把弯折的片段组合起来，网络就能画出弯曲的边界——试试用线性层训练 XOR，再在训练过程中把其中一层换成 tanh。</translation>
    </message>
    <message>
        <source>About Activation Playground</source>
        <translation>关于激活函数演练场</translation>
    </message>
    <message>
        <source>Activation Playground: build, train and watch a small neural network on your own 2-D points, and see why it needs non-linear activations.</source>
        <translation>激活函数演练场：在你自己绘制的二维数据点上搭建、训练并观察一个小型神经网络，看看它为什么需要非线性激活函数。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>No bend at all: a stack of linear layers is still one linear map.</source>
        <translation>完全没有弯折：多个线性层叠加起来仍然只是一个线性映射。</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Squashes to (0, 1); the slope is at most 0.25 and vanishes for large |z|.</source>
        <translation>把输出压缩到 (0, 1)；斜率最大只有 0.25，|z| 较大时趋于零（梯度消失）。</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Zero-centred S-curve; saturates (slope → 0) for large |z|.</source>
        <translation>以零为中心的 S 形曲线；|z| 较大时饱和（斜率 → 0）。</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Cheap and non-saturating for z &gt; 0, but a unit with z ≤ 0 on every input is dead.</source>
        <translation>计算简单，z &gt; 0 时不饱和；但若一个神经元对所有输入都有 z ≤ 0，它就“死亡”了。</translation>
    </message>
    <message>
        <source>f&apos;(z) = 1 if z &gt; 0 else 0</source>
        <translation>f&apos;(z) = 1（当 z &gt; 0），否则为 0</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Like ReLU with a small slope α for z ≤ 0, so the unit never dies.</source>
        <translation>与 ReLU 类似，但 z ≤ 0 时保留一个小斜率 α，因此神经元永远不会死亡。</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0 else α·z</source>
        <translation>f(z) = z（当 z &gt; 0），否则为 α·z</translation>
    </message>
    <message>
        <source>f&apos;(z) = 1 if z &gt; 0 else α</source>
        <translation>f&apos;(z) = 1（当 z &gt; 0），否则为 α</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Smooth for z ≤ 0, approaching −α; keeps a gradient where ReLU has none.</source>
        <translation>z ≤ 0 时平滑地趋近 −α；在 ReLU 没有梯度的地方仍保留梯度。</translation>
    </message>
    <message>
        <source>f(z) = z if z &gt; 0 else α·(e^z − 1)</source>
        <translation>f(z) = z（当 z &gt; 0），否则为 α·(e^z − 1)</translation>
    </message>
    <message>
        <source>f&apos;(z) = 1 if z &gt; 0 else f(z) + α</source>
        <translation>f&apos;(z) = 1（当 z &gt; 0），否则为 f(z) + α</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>A smooth ReLU used in transformers; slightly negative just below zero.</source>
        <translation>Transformer 中使用的平滑版 ReLU；在略小于零处取略微为负的值。</translation>
    </message>
    <message>
        <source>f&apos;(z) = d/dz of that</source>
        <translation>f&apos;(z) = 上式对 z 求导</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>A smooth ReLU whose derivative is the sigmoid.</source>
        <translation>平滑版 ReLU，其导数正是 Sigmoid 函数。</translation>
    </message>
    <message>
        <source>Swish (SiLU)</source>
        <translation>Swish (SiLU)</translation>
    </message>
    <message>
        <source>z·σ(z): smooth, non-monotonic near zero.</source>
        <translation>z·σ(z)：平滑，在零附近不单调。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>The on/off neuron: its derivative is 0, so gradient descent cannot train it.</source>
        <translation>只有开/关两种状态的神经元：导数为 0，所以梯度下降无法训练它。</translation>
    </message>
    <message>
        <source>f(z) = 1 if z &gt; θ else 0</source>
        <translation>f(z) = 1（当 z &gt; θ），否则为 0</translation>
    </message>
    <message>
        <source>f&apos;(z) = 0 (almost everywhere)</source>
        <translation>f&apos;(z) = 0（几乎处处）</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Turns K scores into K probabilities; paired with cross-entropy.</source>
        <translation>把 K 个得分变成 K 个概率；与交叉熵损失配合使用。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>A disc of class 1 inside a ring of class 0.</source>
        <translation>类别 1 的圆盘被类别 0 的圆环包围。</translation>
    </message>
    <message>
        <source>A line cannot enclose a disc; two tanh units or x₁², x₂² features can.</source>
        <translation>一条直线围不住圆盘；两个 tanh 神经元或 x₁²、x₂² 特征可以做到。</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <source>Opposite quadrants share a class, with a margin.</source>
        <translation>相对的象限属于同一类别，类间留有间隔。</translation>
    </message>
    <message>
        <source>The classic task no single layer can solve: it needs a hidden layer.</source>
        <translation>经典难题，单层网络无法解决：需要一个隐藏层。</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Two Gaussian clouds.</source>
        <translation>两团高斯分布的点云。</translation>
    </message>
    <message>
        <source>Linearly separable: even a network without hidden layers solves it.</source>
        <translation>线性可分：即使没有隐藏层的网络也能解决。</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Interleaved spiral arms, one per class.</source>
        <translation>相互交错的螺旋臂，每个类别一条。</translation>
    </message>
    <message>
        <source>Needs many bends in the boundary: deep or wide non-linear nets.</source>
        <translation>边界需要很多弯折：需要更深或更宽的非线性网络。</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>Two interleaving half circles.</source>
        <translation>两个相互交错的半圆。</translation>
    </message>
    <message>
        <source>Curved boundary: a linear model gets most but never all points.</source>
        <translation>弯曲的边界：线性模型能分对大部分点，但永远分不对全部。</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>条带</translation>
    </message>
    <message>
        <source>Class 1 in a strip between two parallel lines.</source>
        <translation>类别 1 位于两条平行线之间的条带内。</translation>
    </message>
    <message>
        <source>Two ReLUs make the two edges of the strip; one line is never enough.</source>
        <translation>两个 ReLU 分别构成条带的两条边；一条直线永远不够。</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>A 4×4 checkerboard of two classes.</source>
        <translation>由两个类别组成的 4×4 棋盘格。</translation>
    </message>
    <message>
        <source>Many regions: watch ReLU networks carve the plane into pieces.</source>
        <translation>区域众多：看 ReLU 网络如何把平面切分成许多块。</translation>
    </message>
    <message>
        <source>Flower</source>
        <translation>花瓣</translation>
    </message>
    <message>
        <source>The &apos;planar&apos; petals of Andrew Ng&apos;s course.</source>
        <translation>吴恩达课程中的“planar”花瓣数据。</translation>
    </message>
    <message>
        <source>No straight line follows the petals; one hidden layer of 4 tanh units can.</source>
        <translation>没有一条直线能沿着花瓣划分；一个含 4 个 tanh 神经元的隐藏层就可以。</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>团簇</translation>
    </message>
    <message>
        <source>K Gaussian blobs around a circle.</source>
        <translation>沿圆周分布的 K 个高斯团簇。</translation>
    </message>
    <message>
        <source>Softmax draws K linear regions: no hidden layer needed.</source>
        <translation>Softmax 划分出 K 个线性区域：不需要隐藏层。</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>Fisher&apos;s iris: 4 measurements, 3 species.</source>
        <translation>Fisher 鸢尾花数据集：4 项测量值，3 个品种。</translation>
    </message>
    <message>
        <source>Real data in 4-D; setosa is linearly separable, the other two overlap.</source>
        <translation>四维真实数据；山鸢尾（setosa）线性可分，另外两个品种相互重叠。</translation>
    </message>
    <message>
        <source>Sine (regression)</source>
        <translation>正弦（回归）</translation>
    </message>
    <message>
        <source>y = sin x on x ∈ [−6, 6].</source>
        <translation>y = sin x，x ∈ [−6, 6]。</translation>
    </message>
    <message>
        <source>A linear net fits a straight line; tanh or ReLU units bend it into a wave.</source>
        <translation>线性网络只能拟合一条直线；tanh 或 ReLU 神经元能把它弯成波形。</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>y is a linear function of x₁, x₂.</source>
        <translation>y 是 x₁、x₂ 的线性函数。</translation>
    </message>
    <message>
        <source>Linear layers are exactly enough here: non-linearity buys nothing.</source>
        <translation>这里线性层恰好够用：非线性带来不了任何好处。</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>W = 0 (every unit stays identical)</source>
        <translation>W = 0（所有神经元始终完全相同）</translation>
    </message>
    <message>
        <source>Small normal</source>
        <translation>小方差正态分布</translation>
    </message>
    <message>
        <source>Glorot uniform</source>
        <translation>Glorot 均匀分布</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 正态分布</translation>
    </message>
    <message>
        <source>Uniform ±0.5</source>
        <translation>均匀分布 ±0.5</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>per-parameter steps from running ∇L and ∇L² means</source>
        <translation>每个参数的步长由 ∇L 和 ∇L² 的滑动平均决定</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>A band drawn by ReLU units</source>
        <translation>ReLU 神经元画出的条带</translation>
    </message>
    <message>
        <source>One ReLU layer draws the two parallel edges of the band; look for the boundary built from straight pieces.</source>
        <translation>一个 ReLU 层就能画出条带的两条平行边；注意观察由直线段拼成的边界。</translation>
    </message>
    <message>
        <source>Dead ReLUs at a high learning rate</source>
        <translation>学习率过高导致死亡 ReLU</translation>
    </message>
    <message>
        <source>A learning rate of 3 knocks ReLU units into the region where they output 0 for every point: count the dead units and see training freeze.</source>
        <translation>学习率为 3 时，ReLU 神经元被推到对所有点都输出 0 的区域：数一数死亡的神经元，看训练如何停滞。</translation>
    </message>
    <message>
        <source>Vanishing gradients in deep sigmoid layers</source>
        <translation>深层 Sigmoid 网络中的梯度消失</translation>
    </message>
    <message>
        <source>Six sigmoid layers shrink the gradient at every layer: the first layers barely change, the loss stays near 0.69, and tanh in the same net learns.</source>
        <translation>六个 Sigmoid 层在每一层都把梯度缩小（梯度消失）：前几层几乎不变，损失停在 0.69 附近；而同样的网络换成 tanh 就能学会。</translation>
    </message>
    <message>
        <source>Fitting a sine wave</source>
        <translation>拟合正弦波</translation>
    </message>
    <message>
        <source>Regression: the output curve starts nearly flat and tanh units bend it until it follows the sine wave.</source>
        <translation>回归：输出曲线一开始几乎是平的，tanh 神经元逐渐把它弯折，直到贴合正弦波。</translation>
    </message>
    <message>
        <source>Three spiral arms</source>
        <translation>三条螺旋臂</translation>
    </message>
    <message>
        <source>Three interleaved arms need many linear pieces: watch the softmax regions wind around the origin as training goes on.</source>
        <translation>三条相互交错的螺旋臂需要许多线性片段：观察 Softmax 区域如何随训练绕着原点盘旋。</translation>
    </message>
    <message>
        <source>XOR with linear layers</source>
        <translation>用线性层解异或</translation>
    </message>
    <message>
        <source>The same network with linear activations collapses to one straight line: the loss stalls near 0.69 and accuracy stays near chance.</source>
        <translation>同样的网络换成线性激活函数后退化为一条直线：损失停在 0.69 附近，准确率接近随机猜测。</translation>
    </message>
    <message>
        <source>XOR with tanh layers</source>
        <translation>用 tanh 层解异或</translation>
    </message>
    <message>
        <source>Two small tanh layers bend the boundary into the XOR cross: watch the test accuracy pass 95% within about 40 epochs.</source>
        <translation>两个小的 tanh 层把边界弯成 XOR 的十字形：观察测试准确率在约 40 轮内超过 95%。</translation>
    </message>
    <message>
        <source>All weights zero</source>
        <translation>权重全部初始化为零</translation>
    </message>
    <message>
        <source>With all weights zero every hidden unit computes the same thing and gets the same gradient, so nothing learns: compare with xor-tanh.</source>
        <translation>所有权重都为零时，每个隐藏神经元计算相同的值、得到相同的梯度，因此什么也学不到：可与 xor-tanh 对比。</translation>
    </message>
    <message>
        <source>must be a whole number, got {value}</source>
        <translation>必须是整数，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value}</source>
        <translation>必须是有限的数，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown {what} {value}; choose from {choices}</source>
        <translation>未知的{what} {value}；可选：{choices}</translation>
    </message>
    <message>
        <source>{activation} takes no parameter</source>
        <translation>{activation} 没有参数</translation>
    </message>
    <message>
        <source>at most {high} hidden layers, got {value}</source>
        <translation>最多 {high} 个隐藏层，实际为 {value} 个</translation>
    </message>
    <message>
        <source>keep at least one input feature</source>
        <translation>至少保留一个输入特征</translation>
    </message>
    <message>
        <source>features must not repeat</source>
        <translation>输入特征不能重复</translation>
    </message>
    <message>
        <source>a softmax head needs at least 2 outputs</source>
        <translation>Softmax 输出层至少需要 2 个输出</translation>
    </message>
    <message>
        <source>loss {loss!r} needs an output head of {heads}, not {head!r}</source>
        <translation>损失函数 {loss!r} 需要 {heads} 输出层，而不是 {head!r}</translation>
    </message>
    <message>
        <source>output head {head!r} does not fit {outputs} output(s)</source>
        <translation>输出层 {head!r} 不适合 {outputs} 个输出</translation>
    </message>
    <message>
        <source>the network takes {expected} inputs but the data give {value}</source>
        <translation>网络有 {expected} 个输入，但数据给出 {value} 个</translation>
    </message>
    <message>
        <source>the network has {expected} outputs, the task needs {value}</source>
        <translation>网络有 {expected} 个输出，但任务需要 {value} 个</translation>
    </message>
    <message>
        <source>data set {dataset!r} has a fixed number of classes ({value})</source>
        <translation>数据集 {dataset!r} 的类别数是固定的（{value}）</translation>
    </message>
    <message>
        <source>binary data has 2 classes, got {value}</source>
        <translation>二分类数据只有 2 个类别，实际为 {value}</translation>
    </message>
    <message>
        <source>class labels must be 0 to {high}, got {value}</source>
        <translation>类别标签必须在 0 到 {high} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>expected shape {expected}, got {value}</source>
        <translation>形状应为 {expected}，实际为 {value}</translation>
    </message>
    <message>
        <source>points can only be drawn on 1-D and 2-D data, not {dim}-D</source>
        <translation>只能在一维和二维数据上画点，当前数据是 {dim} 维</translation>
    </message>
    <message>
        <source>must be {expected}, got {value}</source>
        <translation>必须是 {expected}，实际为 {value}</translation>
    </message>
    <message>
        <source>missing: give {expected}</source>
        <translation>缺少：请给出 {expected}</translation>
    </message>
    <message>
        <source>the formulas between backticks differ between the languages: {value}</source>
        <translation>两种语言中反引号之间的公式不一致：{value}</translation>
    </message>
    <message>
        <source>the {{placeholders}} differ between the languages: {value}</source>
        <translation>两种语言中的 {{placeholders}} 占位符不一致：{value}</translation>
    </message>
    <message>
        <source>This network has no hidden layer: it is one linear map followed by its output head.</source>
        <translation>这个网络没有隐藏层：它就是一个线性映射，再接输出层激活。</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>the file is not text but binary data (a workbook or a picture?); save it as CSV</source>
        <translation>该文件不是文本，而是二进制数据（工作簿或图片？）；请另存为 CSV</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text ({detail}); save it as CSV UTF-8</source>
        <translation>该文件不是 UTF-8 文本（{detail}）；请另存为 CSV UTF-8</translation>
    </message>
    <message>
        <source>cannot be read as CSV: {detail}</source>
        <translation>无法按 CSV 读取：{detail}</translation>
    </message>
    <message>
        <source>a quote opened in this row is never closed</source>
        <translation>此行中打开的引号没有闭合</translation>
    </message>
    <message>
        <source>a cell is longer than {limit} characters</source>
        <translation>有单元格超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>the file is empty: expected rows of numbers and a label, e.g. x1,x2,label</source>
        <translation>文件是空的：应为若干行数字加一个标签，例如 x1,x2,label</translation>
    </message>
    <message>
        <source>found a single column: separate the columns with commas, semicolons or tabs</source>
        <translation>只找到一列：请用逗号、分号或制表符分隔各列</translation>
    </message>
    <message>
        <source>the file has a header row but no points</source>
        <translation>文件只有表头行，没有数据点</translation>
    </message>
    <message>
        <source>the column has no name in the header row</source>
        <translation>该列在表头行中没有名称</translation>
    </message>
    <message>
        <source>a name is longer than {high} characters</source>
        <translation>名称超过 {high} 个字符</translation>
    </message>
    <message>
        <source>the name {name!r} is already used by column {first}</source>
        <translation>名称 {name!r} 已被第 {first} 列使用</translation>
    </message>
    <message>
        <source>no column is called {value!r}; the columns are {columns}</source>
        <translation>没有名为 {value!r} 的列；现有的列：{columns}</translation>
    </message>
    <message>
        <source>the file has no header row: give column {value!r} by its number (1 to {high})</source>
        <translation>文件没有表头行：请用列号（1 到 {high}）指定列 {value!r}</translation>
    </message>
    <message>
        <source>there is no column {value}; the columns are numbered 1 to {high}</source>
        <translation>没有第 {value} 列；列号为 1 到 {high}</translation>
    </message>
    <message>
        <source>one column cannot be both the label and the train/test split</source>
        <translation>同一列不能既是标签又是训练/测试划分</translation>
    </message>
    <message>
        <source>no feature column: besides the label there must be a column of numbers</source>
        <translation>没有特征列：除标签外至少需要一列数字</translation>
    </message>
    <message>
        <source>{value} feature columns; at most {high}</source>
        <translation>有 {value} 个特征列；最多 {high} 个</translation>
    </message>
    <message>
        <source>has {value} cells, but the first row has {expected}</source>
        <translation>有 {value} 个单元格，但第一行有 {expected} 个</translation>
    </message>
    <message>
        <source>too many points: at most {high} rows can be read</source>
        <translation>数据点太多：最多读取 {high} 行</translation>
    </message>
    <message>
        <source>the cell is empty</source>
        <translation>单元格为空</translation>
    </message>
    <message>
        <source>{value!r} is not a number</source>
        <translation>{value!r} 不是数字</translation>
    </message>
    <message>
        <source>{value!r} is not a finite number</source>
        <translation>{value!r} 不是有限的数</translation>
    </message>
    <message>
        <source>{value!r} is not a train/test value; write 0/1, false/true or train/test</source>
        <translation>{value!r} 不是训练/测试值；请写 0/1、false/true 或 train/test</translation>
    </message>
    <message>
        <source>the labels mix numbers and names ({value!r} here, {first!r} in row {first_row}); choose classes to read every label as a class name</source>
        <translation>标签中混有数字和名称（此处为 {value!r}，第 {first_row} 行为 {first!r}）；选择“分类”可将每个标签都作为类别名读取</translation>
    </message>
    <message>
        <source>{value} different whole numbers: too many for classes (at most {high}); choose regression to predict them as numbers</source>
        <translation>有 {value} 个不同的整数：作为类别太多（最多 {high} 个）；选择“回归”可把它们当作数值来预测</translation>
    </message>
    <message>
        <source>{value!r} is one class too many: at most {high} classes</source>
        <translation>{value!r} 超出了类别上限：最多 {high} 个类别</translation>
    </message>
    <message>
        <source>every point has the label {value!r}: classification needs 2 to {high} classes</source>
        <translation>所有数据点的标签都是 {value!r}：分类需要 2 到 {high} 个类别</translation>
    </message>
    <message>
        <source>The layer equations need a batch of training points: add points, or put fewer in the test set.</source>
        <translation>各层方程需要一批训练点：请添加数据点，或减少测试集中的点。</translation>
    </message>
    <message>
        <source>There are no training points, so there is no loss and no gradient to show. Add points, or put fewer in the test set.</source>
        <translation>没有训练点，因此没有损失，也没有梯度可显示。请添加数据点，或减少测试集中的点。</translation>
    </message>
    <message>
        <source>Linear regions are drawn on the plane of 2-D data; these data are {dim}-D.</source>
        <translation>线性区域画在二维数据的平面上；这份数据是 {dim} 维的。</translation>
    </message>
    <message>
        <source>Linear regions need the inputs x₁ and x₂ alone (this network also sees {extra}): turn the other input features off to see them.</source>
        <translation>线性区域要求输入只有 x₁ 和 x₂（这个网络还用到了 {extra}）：关闭其他输入特征即可看到。</translation>
    </message>
    <message>
        <source>No linear regions: hidden layer {layer} uses {activation}, curved everywhere. With ReLU, Leaky ReLU, Step or Linear the plane falls into flat pieces.</source>
        <translation>没有线性区域：第 {layer} 个隐藏层使用 {activation}，它处处弯曲。换成 ReLU、Leaky ReLU、阶跃函数或线性激活，平面就会分成一块块平直的区域。</translation>
    </message>
    <message>
        <source>More than {limit} linear regions: too many to draw live; the last partition drawn stays.</source>
        <translation>线性区域超过 {limit} 个：太多，无法实时绘制；保留上一次画出的划分。</translation>
    </message>
    <message>
        <source>Hover over the plane, or Shift+click it to pin a point: this view shows that input&apos;s numbers layer by layer.</source>
        <translation>把鼠标悬停在平面上，或 Shift+单击固定一个点：此视图逐层显示该输入的各项数值。</translation>
    </message>
    <message>
        <source>The forward pass follows a point of the plane, and this {dim}-D data has none to point at. On the command line, inspect PROJECT --at takes all {dim} coordinates.</source>
        <translation>前向传播跟随平面上的一个点，而这份 {dim} 维数据无法在平面上指点。在命令行中，inspect PROJECT --at 可接受全部 {dim} 个坐标。</translation>
    </message>
    <message>
        <source>Stopped after {epochs} epochs.</source>
        <translation>已训练 {epochs} 轮，停止。</translation>
    </message>
    <message>
        <source>Stopped: the training loss reached {loss:g}.</source>
        <translation>停止：训练损失已降到 {loss:g}。</translation>
    </message>
    <message>
        <source>Training diverged at step {step}: {cause}. The learning rate ({learning_rate:g}) is probably too high — lower it and press Reset. The last sane weights were kept.</source>
        <translation>训练在第 {step} 步发散：{cause}。学习率（{learning_rate:g}）可能太高——请调低学习率后按“重置”。已保留最后一组正常的权重。</translation>
    </message>
    <message>
        <source>the loss grew to {ratio:.3g} times its starting value</source>
        <translation>损失增长到初始值的 {ratio:.3g} 倍</translation>
    </message>
    <message>
        <source>a weight grew beyond {limit:g}</source>
        <translation>有权重超过了 {limit:g}</translation>
    </message>
    <message>
        <source>Training stopped by an internal error: {detail}</source>
        <translation>训练因内部错误而停止：{detail}</translation>
    </message>
    <message>
        <source>The training process ended unexpectedly; it was restarted with the current project and weights.</source>
        <translation>训练进程意外结束；已用当前项目和权重重新启动。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>output head</source>
        <translation>输出层激活</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <source>the weights became infinite or NaN</source>
        <translation>权重变为无穷大或 NaN</translation>
    </message>
    <message>
        <source>must be {low}..{high}, got {value}</source>
        <translation>必须在 {low} 到 {high} 之间，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a positive number up to {high}, got {value}</source>
        <translation>必须是不超过 {high} 的正数，实际为 {value}</translation>
    </message>
    <message>
        <source>the loss became infinite or NaN</source>
        <translation>损失变为无穷大或 NaN</translation>
    </message>
    <message>
        <source>Paused: there are no training points. Add points, or put fewer in the test set.</source>
        <translation>已暂停：没有训练数据点。请添加数据点，或减少测试集的比例。</translation>
    </message>
</context>
</TS>
