package org.descent.releng.emfcodegen;

import java.io.File;
import java.util.Map;

import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Generates the EMF model code of a bundle from its genmodel, without an IDE.
 * Arguments: the bundle folder and the genmodel path inside it, e.g.
 * {@code ../../bundles/org.descent.experiment model/experiment.genmodel}.
 */
public final class Generate {

    public static void main(String[] args) {
        File bundle = new File(args[0]).getAbsoluteFile();
        String genmodelPath = args[1];
        String bundleName = bundle.getName();
        EcorePlugin.getPlatformResourceMap().put(bundleName, URI.createFileURI(bundle.getPath() + "/"));
        ResourceSet set = new ResourceSetImpl();
        Map<String, Object> factories = set.getResourceFactoryRegistry().getExtensionToFactoryMap();
        factories.put("ecore", new EcoreResourceFactoryImpl());
        factories.put("genmodel", new XMIResourceFactoryImpl());
        set.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        set.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        set.getURIConverter().getURIMap().putAll(EcorePlugin.computePlatformURIMap(true));
        Resource resource = set.getResource(URI.createPlatformResourceURI(bundleName + "/" + genmodelPath, true), true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        genModel.reconcile();
        genModel.setCanGenerate(true);
        genModel.setUpdateClasspath(false);
        Diagnostic valid = genModel.diagnose();
        if (valid.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException("genmodel is not valid: " + valid);
        }
        // Outside Eclipse nothing registers the generator adapters from plugin.xml: do it here.
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
                GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator();
        generator.setInput(genModel);
        Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                new BasicMonitor.Printing(System.out));
        print(result, "");
        if (result.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException("generation failed: " + result);
        }
        System.out.println("generated " + genModel.getModelDirectory());
    }

    private static void print(Diagnostic d, String indent) {
        if (d.getSeverity() != Diagnostic.OK) {
            System.out.println(indent + d.getSeverity() + ": " + d.getMessage()
                    + (d.getException() != null ? " (" + d.getException() + ")" : ""));
        }
        for (Diagnostic c : d.getChildren()) {
            print(c, indent + "  ");
        }
    }
}
